package io.cloister.wasi.http;

import java.util.Optional;

/**
 * The {@code wasi:http/types.outgoing-request} resource. This host sends no outgoing requests (see
 * {@link OutgoingHandlerHost}), so writes to the body fail at once instead of filling a buffer
 * nobody drains.
 */
public final class OutgoingRequest {
  private final Fields headers;
  private Method method = new Method("GET");
  private Optional<String> pathWithQuery = Optional.empty();
  private Optional<Scheme> scheme = Optional.empty();
  private Optional<String> authority = Optional.empty();
  private boolean bodyTaken;

  /** {@code constructor}: a GET request with {@code headers}, which become immutable. */
  public OutgoingRequest(Fields headers) {
    this.headers = headers.frozen();
  }

  /** {@code body}: the body the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<OutgoingBody> body() {
    if (bodyTaken) {
      return Optional.empty();
    }
    bodyTaken = true;
    return Optional.of(OutgoingBody.unsendable("this host sends no outgoing requests"));
  }

  /** {@code method}. */
  public synchronized Method method() {
    return method;
  }

  /** {@code set-method}: false for a method that is not a token. */
  public synchronized boolean setMethod(Method m) {
    if (!m.isValid()) {
      return false;
    }
    method = m;
    return true;
  }

  /** {@code path-with-query}. */
  public synchronized Optional<String> pathWithQuery() {
    return pathWithQuery;
  }

  /** {@code set-path-with-query}: false when it holds whitespace or control characters. */
  public synchronized boolean setPathWithQuery(Optional<String> p) {
    if (p.isPresent() && p.get().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      return false;
    }
    pathWithQuery = p;
    return true;
  }

  /** {@code scheme}. */
  public synchronized Optional<Scheme> scheme() {
    return scheme;
  }

  /** {@code set-scheme}. */
  public synchronized boolean setScheme(Optional<Scheme> s) {
    scheme = s;
    return true;
  }

  /** {@code authority}. */
  public synchronized Optional<String> authority() {
    return authority;
  }

  /** {@code set-authority}: false when it holds whitespace, control characters, '/' or '@'. */
  public synchronized boolean setAuthority(Optional<String> a) {
    if (a.isPresent()
        && a.get().chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '/' || c == '@')) {
      return false;
    }
    authority = a;
    return true;
  }

  /** {@code headers}: immutable. */
  public Fields headers() {
    return headers;
  }
}
