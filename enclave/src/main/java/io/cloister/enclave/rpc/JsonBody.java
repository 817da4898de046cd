package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request's JSON body, at most {@link ProtocolJson#MAX_MESSAGE_BYTES}, never more. */
final class JsonBody {
  private JsonBody() {}

  /** Why a body is not the JSON asked for. */
  static final class BadBodyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadBodyException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** 400, 413 or 415. */
    int status() {
      return status;
    }
  }

  /** The body as JSON; an empty body is {@code null}. */
  static JsonNode read(ServerRequest req) throws BadBodyException {
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadBodyException(415, "the body must be application/json, not " + RpcRoutes.clip(type));
    }
    byte[] body;
    try (InputStream in = req.content().inputStream()) {
      body = in.readNBytes(ProtocolJson.MAX_MESSAGE_BYTES + 1);
    } catch (IOException | UncheckedIOException e) {
      throw new BadBodyException(400, "the body could not be read: " + e.getMessage());
    }
    if (body.length > ProtocolJson.MAX_MESSAGE_BYTES) {
      throw new BadBodyException(
          413, "the body is larger than " + ProtocolJson.MAX_MESSAGE_BYTES + " bytes");
    }
    if (body.length == 0) {
      return null;
    }
    try {
      return ProtocolJson.parse(body);
    } catch (ProtocolFormatException e) {
      throw new BadBodyException(400, e.getMessage());
    }
  }
}
