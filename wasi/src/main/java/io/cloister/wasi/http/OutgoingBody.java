package io.cloister.wasi.http;

import io.cloister.wasi.io.BytePipe;
import io.cloister.wasi.io.PipeOutputStream;
import io.cloister.wasi.io.WasiOutputStream;
import java.util.Optional;

/**
 * The {@code wasi:http/types.outgoing-body} resource: a body the guest writes into a bounded {@link
 * BytePipe} that the HTTP server drains. Finishing ends the data and sets the trailers; dropping it
 * unfinished marks the body as failed, so the server aborts instead of sending a truncated body as
 * if complete.
 */
public final class OutgoingBody {
  private final BytePipe pipe;
  private boolean streamTaken;
  private volatile Optional<Fields> trailers = Optional.empty();
  private boolean done;

  /** A body written into {@code pipe}. */
  public OutgoingBody(BytePipe pipe) {
    this.pipe = pipe;
  }

  /** {@code write}: the body's stream, the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<WasiOutputStream> write() {
    if (streamTaken) {
      return Optional.empty();
    }
    streamTaken = true;
    return Optional.of(new PipeOutputStream(pipe));
  }

  /**
   * {@code finish}: the body is complete, with optional trailers. The binding has already checked
   * that the stream was dropped (the specification's trap).
   */
  public synchronized void finish(Optional<Fields> trailers) {
    if (done) {
      return;
    }
    done = true;
    this.trailers = trailers.map(Fields::frozen);
    pipe.finish();
  }

  /** The guest dropped the body without finishing: the body counts as incomplete. */
  public synchronized void close() {
    if (!done) {
      done = true;
      pipe.fail(
          new HttpIoError(
              ErrorCode.of(ErrorCode.Kind.HTTP_RESPONSE_INCOMPLETE),
              "outgoing-body dropped without finish"));
    }
  }

  /** The trailers given to {@link #finish}, for the server once the data ended. */
  public Optional<Fields> trailers() {
    return trailers;
  }
}
