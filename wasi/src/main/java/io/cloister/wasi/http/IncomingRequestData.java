package io.cloister.wasi.http;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the HTTP server received it, handed to {@link HttpHandlerInvoker}. The body is read
 * only once the guest asks for it, at most {@link IncomingBody#READ_AHEAD} bytes ahead of the guest.
 *
 * @param method the method token, e.g. {@code GET}
 * @param pathWithQuery the request target's path and query, e.g. {@code /a/b?c=d}
 * @param scheme {@code http} or {@code https}, when known
 * @param authority host and optional port, when known
 * @param headers the header fields in arrival order (the server already validated them)
 * @param body the body's bytes; empty when the request has no body
 */
public record IncomingRequestData(
    String method,
    String pathWithQuery,
    Optional<String> scheme,
    Optional<String> authority,
    List<HttpField> headers,
    Optional<InputStream> body) {
  public IncomingRequestData {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathWithQuery, "pathWithQuery");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(authority, "authority");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }
}
