package io.cloister.serve.exchange;

import io.helidon.common.buffers.DataReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A request body whose client may stay silent for at most a given time per read. Helidon 4.5 reads
 * request bodies without a timeout, so a client that stops sending mid-body would hold its
 * connection (and the app's reading thread) until the exchange deadline; here the read is
 * interrupted instead, which closes the connection's channel, and fails with an {@link
 * IOException} saying why. A body longer than its app's limit fails its read the same way.
 */
final class SilenceLimitedInputStream extends InputStream {
  private final InputStream in;
  private final DeadlineWatchdog watchdog;
  private final Duration silence;
  private final long maxBytes;
  private long read;
  private boolean drained;

  /**
   * {@code in}, whose reads {@code watchdog} interrupts after {@code silence} without data, and
   * which fails once more than {@code maxBytes} arrived (-1: no limit).
   */
  SilenceLimitedInputStream(
      InputStream in, DeadlineWatchdog watchdog, Duration silence, long maxBytes) {
    this.in = in;
    this.watchdog = watchdog;
    this.silence = silence;
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xFF;
  }

  // Reads are serialized: after the exchange, drain() may read while the app's body pump is still
  // in a read. Since JDK 24 a virtual thread waiting for a monitor does not hold its carrier.
  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (drained) {
      return -1;
    }
    DeadlineWatchdog.ReadWatch watch = watchdog.watchRead(silence.toNanos());
    try {
      int n = in.read(b, off, len);
      if (n > 0 && maxBytes >= 0 && (read += n) > maxBytes) {
        throw new IOException("the request body is over the app's limit of " + maxBytes + " bytes");
      }
      return n;
    } catch (IOException | UncheckedIOException e) {
      if (watch.fired()) {
        throw new IOException(
            "the client sent no request body bytes for " + silence.toMillis() + " ms", e);
      }
      throw e;
    } finally {
      watch.close();
    }
  }

  /**
   * Reads away the rest of the body, at most {@code limit} bytes until {@code deadlineNanos} ({@link
   * System#nanoTime}); every later read by others sees its end. Returns whether the body ended
   * within those bounds, so that its connection may serve another request.
   */
  synchronized boolean drain(int limit, long deadlineNanos) {
    byte[] sink = new byte[8192];
    long left = limit;
    try {
      while (left >= 0 && deadlineNanos - System.nanoTime() > 0) {
        int n = read(sink, 0, (int) Math.min(sink.length, left + 1));
        if (n == -1) {
          return true;
        }
        left -= n;
      }
      return false;
    } catch (IOException | UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
      // Silent past the limit, or gone (Helidon tells a client that closed mid-body with the
      // unchecked InsufficientDataAvailableException): the connection closes either way.
      return false;
    } finally {
      drained = true;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
