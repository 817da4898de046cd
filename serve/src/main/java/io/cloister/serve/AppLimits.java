package io.cloister.serve;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.serve.guest.InstancePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What one mounted app may use. The memory cap is applied where the app's component is compiled
 * ({@link #engine()}): the server receives an already compiled {@link
 * io.cloister.serve.guest.GuestFactory}.
 *
 * @param policy when guest instances are made and reused
 * @param answerDeadline how long a guest may take to start its response (or fail)
 * @param exchangeDeadline how long a whole exchange may take, body included
 * @param maxPayloadSize the largest request body accepted in bytes (else 413), -1 for no limit
 * @param maxConcurrentRequests this app's requests served at once; more get 503 with Retry-After
 * @param maxMemoryBytes the most linear memory one instance may hold, summed over its memories
 */
public record AppLimits(
    InstancePolicy policy,
    Duration answerDeadline,
    Duration exchangeDeadline,
    long maxPayloadSize,
    int maxConcurrentRequests,
    long maxMemoryBytes) {
  /** The default {@link #maxMemoryBytes()}: 256 MiB per instance. */
  public static final long DEFAULT_MAX_MEMORY_BYTES = 256L << 20;

  public AppLimits {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(answerDeadline, "answerDeadline");
    Objects.requireNonNull(exchangeDeadline, "exchangeDeadline");
    if (maxPayloadSize < -1) {
      throw new IllegalArgumentException("body limit must be -1 or more: " + maxPayloadSize);
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "concurrent requests must be positive: " + maxConcurrentRequests);
    }
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("memory cap must not be negative: " + maxMemoryBytes);
    }
  }

  /**
   * Pooled instances, 10 s to answer, 5 min per exchange, bodies of any size, 64 requests at once
   * (a quarter of the listener's default 256, so one app cannot hold every request), 256 MiB per
   * instance.
   */
  public static AppLimits defaults() {
    return new AppLimits(
        new InstancePolicy.Pooled(Runtime.getRuntime().availableProcessors() * 4),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        -1,
        64,
        DEFAULT_MAX_MEMORY_BYTES);
  }

  /** These limits with another instance policy. */
  public AppLimits withPolicy(InstancePolicy newPolicy) {
    return new AppLimits(
        newPolicy,
        answerDeadline,
        exchangeDeadline,
        maxPayloadSize,
        maxConcurrentRequests,
        maxMemoryBytes);
  }

  /** These limits with other deadlines. */
  public AppLimits withDeadlines(Duration answer, Duration exchange) {
    return new AppLimits(
        policy, answer, exchange, maxPayloadSize, maxConcurrentRequests, maxMemoryBytes);
  }

  /** These limits with another request body limit (-1 for none). */
  public AppLimits withMaxPayloadSize(long bytes) {
    return new AppLimits(
        policy, answerDeadline, exchangeDeadline, bytes, maxConcurrentRequests, maxMemoryBytes);
  }

  /** These limits with another number of requests at once. */
  public AppLimits withMaxConcurrentRequests(int requests) {
    return new AppLimits(
        policy, answerDeadline, exchangeDeadline, maxPayloadSize, requests, maxMemoryBytes);
  }

  /** These limits with another per-instance memory cap. */
  public AppLimits withMaxMemory(long bytes) {
    return new AppLimits(
        policy, answerDeadline, exchangeDeadline, maxPayloadSize, maxConcurrentRequests, bytes);
  }

  /** How this app's component is compiled: compiled code, with {@link #maxMemoryBytes()}. */
  public EngineOptions engine() {
    return EngineOptions.compiled().withMaxMemory(maxMemoryBytes);
  }
}
