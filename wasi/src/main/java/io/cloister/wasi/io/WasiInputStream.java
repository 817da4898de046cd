package io.cloister.wasi.io;

/**
 * The {@code wasi:io/streams.input-stream} resource, reading from a {@link BytePipe} that a Java
 * producer (the HTTP server, or nothing for an empty stdin) fills.
 */
public final class WasiInputStream {
  private final BytePipe pipe;
  private boolean failureReported;

  /** A stream reading {@code pipe}. */
  public WasiInputStream(BytePipe pipe) {
    this.pipe = pipe;
  }

  /** {@code read}: up to {@code len} bytes available now, possibly none; never waits. */
  public byte[] read(long len) throws StreamException {
    checkOpen();
    try {
      return pipe.poll(clamp(len));
    } catch (StreamException e) {
      throw reported(e);
    }
  }

  /** {@code blocking-read}: like {@link #read} but waits until at least one byte or the end. */
  public byte[] blockingRead(long len) throws StreamException {
    while (true) {
      byte[] bytes = read(len);
      if (bytes.length > 0 || len == 0) {
        return bytes;
      }
      PollHost.block(subscribe());
    }
  }

  /** {@code skip}: discards up to {@code len} bytes available now and returns how many. */
  public long skip(long len) throws StreamException {
    checkOpen();
    try {
      return pipe.discard(clamp(len));
    } catch (StreamException e) {
      throw reported(e);
    }
  }

  /** {@code blocking-skip}: like {@link #skip} but waits until at least one byte or the end. */
  public long blockingSkip(long len) throws StreamException {
    while (true) {
      long n = skip(len);
      if (n > 0 || len == 0) {
        return n;
      }
      PollHost.block(subscribe());
    }
  }

  /** {@code subscribe}: ready when data, the end, or an error can be read. */
  public Pollable subscribe() {
    return new Pollable() {
      @Override
      public boolean ready() {
        return failureReported || pipe.readReady();
      }

      @Override
      public ReadySignal signal() {
        return pipe.signal();
      }
    };
  }

  /** The guest dropped the stream: the producer learns that nobody reads any more. */
  public void close() {
    pipe.abandon();
  }

  private void checkOpen() throws StreamException {
    if (failureReported) {
      throw StreamException.closed();
    }
  }

  // After last-operation-failed has been returned once, the stream counts as closed.
  private StreamException reported(StreamException e) {
    if (e.error() instanceof StreamError.LastOperationFailed) {
      failureReported = true;
    }
    return e;
  }

  private static int clamp(long len) {
    return len < 0 || len > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) len;
  }
}
