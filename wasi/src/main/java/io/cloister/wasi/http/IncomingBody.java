package io.cloister.wasi.http;

import io.cloister.wasi.io.BytePipe;
import io.cloister.wasi.io.WasiInputStream;
import java.util.Optional;

/**
 * The {@code wasi:http/types.incoming-body} resource: a request body arriving through a bounded
 * {@link BytePipe} that the HTTP server fills, and the trailers after it.
 */
public final class IncomingBody {
  private final BytePipe pipe;
  private final FutureTrailers trailers;
  private boolean streamTaken;

  /** A body read from {@code pipe}, whose trailers {@code trailers} delivers. */
  public IncomingBody(BytePipe pipe, FutureTrailers trailers) {
    this.pipe = pipe;
    this.trailers = trailers;
  }

  /** {@code stream}: the body's bytes, the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<WasiInputStream> stream() {
    if (streamTaken) {
      return Optional.empty();
    }
    streamTaken = true;
    return Optional.of(new WasiInputStream(pipe));
  }

  /**
   * {@code finish}: the guest is done with the body and wants the trailers. The binding has already
   * checked that the stream was dropped (the specification's trap). Unread bytes are not read any
   * more, so the trailers resolve even when the guest never read the body.
   */
  public FutureTrailers finish() {
    pipe.abandon();
    return trailers;
  }

  /** The guest dropped the body without finishing: the producer may stop. */
  public void close() {
    pipe.abandon();
  }
}
