package io.cloister.wasi.http;

import io.cloister.wasi.io.BytePipe;
import java.util.Optional;

/** The {@code wasi:http/types.outgoing-response} resource: status, headers and one body. */
public final class OutgoingResponse {
  /** Bytes of response body buffered between guest and server: the bound on memory per response. */
  public static final int BODY_BUFFER = 64 * 1024;

  private final Fields headers;
  private final BytePipe pipe = new BytePipe(BODY_BUFFER);
  private final OutgoingBody body = new OutgoingBody(pipe);
  private int status = 200;
  private boolean bodyTaken;

  /** {@code constructor}: a 200 response with {@code headers}, which become immutable. */
  public OutgoingResponse(Fields headers) {
    this.headers = headers.frozen();
  }

  /** {@code status-code}. */
  public synchronized int statusCode() {
    return status;
  }

  /** {@code set-status-code}: false (the WIT's {@code err}) for a status outside 100..599. */
  public synchronized boolean setStatusCode(int code) {
    if (code < 100 || code > 599) {
      return false;
    }
    status = code;
    return true;
  }

  /** {@code headers}: immutable. */
  public Fields headers() {
    return headers;
  }

  /** {@code body}: the body the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<OutgoingBody> body() {
    if (bodyTaken) {
      return Optional.empty();
    }
    bodyTaken = true;
    return Optional.of(body);
  }

  /** The trailers the guest finished the body with. */
  Optional<Fields> trailers() {
    return body.trailers();
  }

  /**
   * The handler returned: a body never asked for is empty and complete; a body asked for but not
   * finished is incomplete.
   */
  synchronized void endOfHandler() {
    if (!bodyTaken) {
      body.finish(Optional.empty());
    } else {
      body.close();
    }
  }

  /** The pipe the body's bytes arrive in. */
  BytePipe bodyPipe() {
    return pipe;
  }
}
