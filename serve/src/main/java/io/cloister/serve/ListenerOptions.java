package io.cloister.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AppServer} listens: everything about the socket and HTTP/1.1 parsing, nothing per
 * app (those are {@link AppLimits}).
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port; 0 picks a free one
 * @param maxHeadersSize the most bytes of request headers accepted (else 431)
 * @param maxPrologueLength the longest request line accepted (else 414)
 * @param idleTimeout how long a connection may wait for a request line (else it is closed)
 * @param readTimeout how long a request's header section may take after its request line (else
 *     408), and the longest pause within a request body that the app reads
 * @param maxConnections open connections at most
 * @param maxConcurrentRequests requests served at once over all apps; more get 503
 */
public record ListenerOptions(
    String host,
    int port,
    int maxHeadersSize,
    int maxPrologueLength,
    Duration idleTimeout,
    Duration readTimeout,
    int maxConnections,
    int maxConcurrentRequests) {

  public ListenerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive: " + readTimeout);
    }
    if (maxConnections < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "connection and request limits must be positive: "
              + maxConnections
              + ", "
              + maxConcurrentRequests);
    }
  }

  /**
   * Loopback on port 8080, 16 KiB of headers, 8 KiB request line, 30 s idle and read timeouts, 4096
   * connections, 256 requests at once.
   */
  public static ListenerOptions defaults() {
    return new ListenerOptions(
        "127.0.0.1",
        8080,
        16 * 1024,
        8 * 1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        4096,
        256);
  }

  /** These options on another address. */
  public ListenerOptions withHost(String newHost) {
    return new ListenerOptions(
        newHost,
        port,
        maxHeadersSize,
        maxPrologueLength,
        idleTimeout,
        readTimeout,
        maxConnections,
        maxConcurrentRequests);
  }

  /** These options on another port. */
  public ListenerOptions withPort(int newPort) {
    return new ListenerOptions(
        host,
        newPort,
        maxHeadersSize,
        maxPrologueLength,
        idleTimeout,
        readTimeout,
        maxConnections,
        maxConcurrentRequests);
  }

  /** These options with other header and request-line limits. */
  public ListenerOptions withHeaderLimits(int headersSize, int prologueLength) {
    return new ListenerOptions(
        host,
        port,
        headersSize,
        prologueLength,
        idleTimeout,
        readTimeout,
        maxConnections,
        maxConcurrentRequests);
  }

  /** These options with other idle and read timeouts. */
  public ListenerOptions withTimeouts(Duration idle, Duration read) {
    return new ListenerOptions(
        host,
        port,
        maxHeadersSize,
        maxPrologueLength,
        idle,
        read,
        maxConnections,
        maxConcurrentRequests);
  }

  /** These options with other connection and server-wide request limits. */
  public ListenerOptions withCapacity(int connections, int concurrentRequests) {
    return new ListenerOptions(
        host,
        port,
        maxHeadersSize,
        maxPrologueLength,
        idleTimeout,
        readTimeout,
        connections,
        concurrentRequests);
  }
}
