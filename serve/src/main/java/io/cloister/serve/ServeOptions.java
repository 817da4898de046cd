package io.cloister.serve;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.serve.guest.InstancePolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link WasiHttpServer} listens and which limits it enforces: {@code cloister serve}'s flat
 * view of a {@link ListenerOptions} and its one app's {@link AppLimits}.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port; 0 picks a free one
 * @param tls whether to serve HTTPS with a self-signed certificate made at start
 * @param policy when guest instances are made and reused
 * @param answerDeadline how long a guest may take to start its response (or fail)
 * @param exchangeDeadline how long a whole exchange may take, body included
 * @param maxHeadersSize the most bytes of request headers accepted (else 431)
 * @param maxPrologueLength the longest request line accepted (else 414)
 * @param maxPayloadSize the largest request body accepted in bytes (else 413), -1 for no limit
 * @param idleTimeout how long a connection may wait for a request line, i.e. stay idle between
 *     requests (else it is closed)
 * @param readTimeout how long a request's header section may take to arrive after its request line,
 *     however slowly its bytes trickle in (else 408 and the connection is closed), and the longest
 *     pause within a request body that the app reads (else its read fails and the connection is
 *     closed)
 * @param maxConcurrentRequests requests served at once; more are refused with 503
 * @param maxMemoryBytes the most linear memory one guest instance may hold, summed over its core
 *     memories: growth beyond is refused (the guest usually traps: 500), a component whose initial
 *     memory exceeds it does not start
 */
public record ServeOptions(
    String host,
    int port,
    boolean tls,
    InstancePolicy policy,
    Duration answerDeadline,
    Duration exchangeDeadline,
    int maxHeadersSize,
    int maxPrologueLength,
    long maxPayloadSize,
    Duration idleTimeout,
    Duration readTimeout,
    int maxConcurrentRequests,
    long maxMemoryBytes) {
  /** The default {@link #maxMemoryBytes()}: 256 MiB per instance. */
  public static final long DEFAULT_MAX_MEMORY_BYTES = AppLimits.DEFAULT_MAX_MEMORY_BYTES;

  public ServeOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(answerDeadline, "answerDeadline");
    Objects.requireNonNull(exchangeDeadline, "exchangeDeadline");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive: " + readTimeout);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("memory cap must not be negative: " + maxMemoryBytes);
    }
  }

  /**
   * Loopback on port 8080 without TLS, pooled instances, 10 s to answer, 5 min per exchange, 16 KiB
   * of headers, 8 KiB request line, bodies of any size, 30 s idle and read timeouts, 256 requests
   * at once, 256 MiB of linear memory per instance.
   */
  public static ServeOptions defaults() {
    return new ServeOptions(
        "127.0.0.1",
        8080,
        false,
        new InstancePolicy.Pooled(Runtime.getRuntime().availableProcessors() * 4),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        16 * 1024,
        8 * 1024,
        -1,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        256,
        DEFAULT_MAX_MEMORY_BYTES);
  }

  /** These options on another port. */
  public ServeOptions withPort(int newPort) {
    return edit(d -> d.port = newPort);
  }

  /** These options with TLS on or off. */
  public ServeOptions withTls(boolean newTls) {
    return edit(d -> d.tls = newTls);
  }

  /** These options with another instance policy. */
  public ServeOptions withPolicy(InstancePolicy newPolicy) {
    return edit(d -> d.policy = newPolicy);
  }

  /** These options with other deadlines. */
  public ServeOptions withDeadlines(Duration answer, Duration exchange) {
    return edit(
        d -> {
          d.answerDeadline = answer;
          d.exchangeDeadline = exchange;
        });
  }

  /** These options with other idle and read timeouts. */
  public ServeOptions withTimeouts(Duration idle, Duration read) {
    return edit(
        d -> {
          d.idleTimeout = idle;
          d.readTimeout = read;
        });
  }

  /** These options with another per-instance memory cap. */
  public ServeOptions withMaxMemory(long bytes) {
    return edit(d -> d.maxMemoryBytes = bytes);
  }

  // Each wither changes a copy of the components, so a new component is added in one place here.
  private ServeOptions edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new ServeOptions(
        d.host,
        d.port,
        d.tls,
        d.policy,
        d.answerDeadline,
        d.exchangeDeadline,
        d.maxHeadersSize,
        d.maxPrologueLength,
        d.maxPayloadSize,
        d.idleTimeout,
        d.readTimeout,
        d.maxConcurrentRequests,
        d.maxMemoryBytes);
  }

  /** The components of a {@link ServeOptions} being edited. */
  private static final class Draft {
    String host;
    int port;
    boolean tls;
    InstancePolicy policy;
    Duration answerDeadline;
    Duration exchangeDeadline;
    int maxHeadersSize;
    int maxPrologueLength;
    long maxPayloadSize;
    Duration idleTimeout;
    Duration readTimeout;
    int maxConcurrentRequests;
    long maxMemoryBytes;

    Draft(ServeOptions o) {
      host = o.host;
      port = o.port;
      tls = o.tls;
      policy = o.policy;
      answerDeadline = o.answerDeadline;
      exchangeDeadline = o.exchangeDeadline;
      maxHeadersSize = o.maxHeadersSize;
      maxPrologueLength = o.maxPrologueLength;
      maxPayloadSize = o.maxPayloadSize;
      idleTimeout = o.idleTimeout;
      readTimeout = o.readTimeout;
      maxConcurrentRequests = o.maxConcurrentRequests;
      maxMemoryBytes = o.maxMemoryBytes;
    }
  }

  /** The listener part of these options. */
  public ListenerOptions listener() {
    ListenerOptions defaults = ListenerOptions.defaults();
    return new ListenerOptions(
        host,
        port,
        maxHeadersSize,
        maxPrologueLength,
        idleTimeout,
        readTimeout,
        defaults.maxConnections(),
        maxConcurrentRequests);
  }

  /** The limits of the one app, which may use every request the listener takes. */
  public AppLimits limits() {
    return new AppLimits(
        policy,
        answerDeadline,
        exchangeDeadline,
        maxPayloadSize,
        maxConcurrentRequests,
        maxMemoryBytes);
  }

  /** How guests compiled for this server run: compiled, with {@link #maxMemoryBytes()}. */
  public EngineOptions engine() {
    return limits().engine();
  }
}
