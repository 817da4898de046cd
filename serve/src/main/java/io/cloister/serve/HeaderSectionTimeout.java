package io.cloister.serve;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Answers 408 and closes the connection when a request's header section has not arrived in full
 * within a timeout of its request line, whether the client went silent or trickles bytes.
 *
 * <p>Helidon 4.5 reads without a read timeout (its {@code SocketOptions.readTimeout} is not applied
 * to server sockets) and its idle-connection check interrupts a connection only while it waits for
 * a request line; this listener, a receive listener of the HTTP/1.1 protocol, bounds the rest of
 * the request head. The connection's own thread stays blocked in its read until the socket is
 * closed here, which ends it.
 */
final class HeaderSectionTimeout implements Http1ConnectionListener, AutoCloseable {
  private static final byte[] REQUEST_TIMEOUT =
      ("HTTP/1.1 408 Request Timeout\r\n"
              + "Connection: close\r\n"
              + "Content-Type: text/plain\r\n"
              + "Content-Length: 16\r\n\r\n"
              + "request timeout\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final long timeoutNanos;
  private final ScheduledThreadPoolExecutor timer;
  private final ConcurrentMap<ConnectionContext, Deadline> pending = new ConcurrentHashMap<>();

  /** A request head in progress: the task that expires it. */
  private static final class Deadline {
    private volatile Future<?> expiry;
  }

  /** A timeout of {@code timeout} per header section. */
  HeaderSectionTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("header section timeout must be positive: " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    this.timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("header-timeout").daemon().factory());
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
    Deadline d = new Deadline();
    Deadline previous = pending.put(ctx, d);
    if (previous != null) {
      previous.expiry.cancel(false); // a head that failed without headers(): the server refused it
    }
    d.expiry =
        timer.schedule(
            () -> {
              if (pending.remove(ctx, d)) {
                expire(ctx);
              }
            },
            timeoutNanos,
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void headers(ConnectionContext ctx, Headers headers) {
    // prologue() ran on this connection's thread before, so the expiry is set
    Deadline d = pending.remove(ctx);
    if (d != null) {
      d.expiry.cancel(false);
    }
  }

  private static void expire(ConnectionContext ctx) {
    try {
      ctx.dataWriter().writeNow(BufferData.create(REQUEST_TIMEOUT));
    } catch (RuntimeException clientGone) {
      // nothing to tell a client that left; the socket is closed below either way
    } finally {
      try {
        ctx.serverSocket().close();
      } catch (RuntimeException alreadyClosed) {
        // the connection ended meanwhile
      }
    }
  }

  /** Stops the timer; connections still in their head are left to the server's shutdown. */
  @Override
  public void close() {
    timer.shutdownNow();
    pending.clear();
  }
}
