package io.cloister.wasi.http;

import java.util.Optional;

/** The {@code wasi:http/types.outgoing-response} resource: status, headers and one body. */
public final class OutgoingResponse {
  private final Fields headers;
  private final OutgoingBody body;
  private int status = 200;
  private boolean bodyTaken;

  /** {@code constructor}: a 200 response with {@code headers}, which become immutable. */
  public OutgoingResponse(Fields headers) {
    this.headers = headers.frozen();
    this.body = OutgoingBody.ofResponse(this.headers);
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

  /**
   * The guest set this response: starts it on {@code sink}; the body's bytes follow as the guest
   * writes them.
   */
  void deliverTo(ResponseSink sink) {
    int code;
    synchronized (this) {
      code = status;
    }
    body.deliverTo(sink, code, headers.entries());
  }

  /**
   * The handler returned: a body never asked for is empty and complete; a body asked for but not
   * finished is incomplete.
   */
  synchronized void endOfHandler() {
    if (!bodyTaken) {
      bodyTaken = true;
      body.finish(Optional.empty());
    } else {
      body.close();
    }
  }
}
