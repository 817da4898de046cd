package io.cloister.wasi.http;

import java.util.Objects;
import java.util.Optional;

/** The {@code wasi:http/types.incoming-request} resource, built by the host from a request. */
public final class IncomingRequest {
  private final Method method;
  private final Optional<String> pathWithQuery;
  private final Optional<Scheme> scheme;
  private final Optional<String> authority;
  private final Fields headers;
  private IncomingBody body;

  /** A request; {@code headers} become immutable and {@code body} can be consumed once. */
  public IncomingRequest(
      Method method,
      Optional<String> pathWithQuery,
      Optional<Scheme> scheme,
      Optional<String> authority,
      Fields headers,
      IncomingBody body) {
    this.method = Objects.requireNonNull(method, "method");
    this.pathWithQuery = Objects.requireNonNull(pathWithQuery, "pathWithQuery");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.authority = Objects.requireNonNull(authority, "authority");
    this.headers = headers.frozen();
    this.body = Objects.requireNonNull(body, "body");
  }

  /** {@code method}. */
  public Method method() {
    return method;
  }

  /** {@code path-with-query}. */
  public Optional<String> pathWithQuery() {
    return pathWithQuery;
  }

  /** {@code scheme}. */
  public Optional<Scheme> scheme() {
    return scheme;
  }

  /** {@code authority}. */
  public Optional<String> authority() {
    return authority;
  }

  /** {@code headers}: immutable. */
  public Fields headers() {
    return headers;
  }

  /** {@code consume}: the body the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<IncomingBody> consume() {
    IncomingBody b = body;
    body = null;
    return Optional.ofNullable(b);
  }

  /** The request was dropped: a body never consumed will not be read. */
  public synchronized void close() {
    if (body != null) {
      body.close();
      body = null;
    }
  }
}
