package io.cloister.serve;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
  private final ConcurrentMap<ConnectionContext, Long> pending = new ConcurrentHashMap<>();
  private final Thread sweeper;
  private volatile boolean closed;

  /** A timeout of {@code timeout} per header section. */
  HeaderSectionTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("header section timeout must be positive: " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    // A sweep over the heads in progress instead of a timer per request: registering a head costs
    // one map insertion on the hot path. The sweep's period bounds the timeout's precision.
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 10,
        TimeUnit.MILLISECONDS.toNanos(250)));
    this.sweeper =
        Thread.ofPlatform().name("header-timeout").daemon().start(() -> sweep(period));
  }

  @Override
  public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
    pending.put(ctx, System.nanoTime() + timeoutNanos);
  }

  @Override
  public void headers(ConnectionContext ctx, Headers headers) {
    pending.remove(ctx);
  }

  private void sweep(long periodNanos) {
    while (!closed) {
      LockSupport.parkNanos(periodNanos);
      long now = System.nanoTime();
      for (Map.Entry<ConnectionContext, Long> head : pending.entrySet()) {
        if (now - head.getValue() > 0 && pending.remove(head.getKey(), head.getValue())) {
          expire(head.getKey());
        }
      }
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

  /** Stops the sweep; connections still in their head are left to the server's shutdown. */
  @Override
  public void close() {
    closed = true;
    sweeper.interrupt();
    pending.clear();
  }
}
