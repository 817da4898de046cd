package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.BytePipe;
import io.cloister.wasi.io.WasiInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The {@code wasi:http/types.incoming-body} resource: a request body and the trailers after it. The
 * body is read from the server only once the guest takes its stream: then a virtual thread pumps it
 * into a {@link BytePipe} of {@link #READ_AHEAD} bytes, so reads and pollables behave as the
 * specification says and the body passes in constant memory. A request without a body, or whose
 * body the guest never reads, costs no thread.
 */
public final class IncomingBody {
  /** Bytes of request body read ahead of the guest at most. */
  public static final int READ_AHEAD = 64 * 1024;

  private final Optional<InputStream> source;
  private final FutureTrailers trailers = new FutureTrailers();
  private BytePipe pipe;
  private boolean streamTaken;

  /** A body read from {@code source} (empty: the request has none). */
  public IncomingBody(Optional<InputStream> source) {
    this.source = source;
  }

  /** {@code stream}: the body's bytes, the first time; empty (the WIT's {@code err}) after. */
  public synchronized Optional<WasiInputStream> stream() {
    if (streamTaken) {
      return Optional.empty();
    }
    streamTaken = true;
    if (source.isEmpty()) {
      pipe = BytePipe.empty();
      trailers.complete(Optional.empty());
    } else {
      pipe = new BytePipe(READ_AHEAD);
      InputStream from = source.get();
      BytePipe to = pipe;
      Thread.ofVirtual().name("request-body-pump").start(() -> pump(from, to, trailers));
    }
    return Optional.of(new WasiInputStream(pipe));
  }

  /**
   * {@code finish}: the guest is done with the body and wants the trailers. The binding has already
   * checked that the stream was dropped (the specification's trap). Unread bytes are not read any
   * more, so the trailers resolve even when the guest never read the body. (HTTP/1.1 request
   * trailers are not forwarded: the server, Helidon 4.5, does not expose them, so they are none.)
   */
  public synchronized FutureTrailers finish() {
    close();
    if (pipe == null) {
      trailers.complete(Optional.empty());
    }
    return trailers;
  }

  /** The guest dropped the body, or the request is over: the pump, if any, stops. */
  public synchronized void close() {
    if (pipe != null) {
      pipe.abandon();
    }
  }

  private static void pump(InputStream body, BytePipe pipe, FutureTrailers trailers) {
    try (OutputStream to = pipe.asOutputStream()) {
      body.transferTo(to);
    } catch (IOException e) {
      // Either the guest stopped reading (the pipe is abandoned) or the client's stream broke.
      pipe.fail(
          new HttpIoError(
              new ErrorCode.ConnectionTerminated(),
              "request body: " + e.getMessage()));
    } finally {
      trailers.complete(Optional.empty());
    }
  }
}
