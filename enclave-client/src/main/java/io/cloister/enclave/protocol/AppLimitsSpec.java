package io.cloister.enclave.protocol;

import java.util.Optional;

/**
 * The limits one app is deployed with; each one left empty is the enclave's default. An app's
 * limits keep a hostile or buggy app from taking more than its share (docs/enclave.md, "Limits").
 *
 * @param deadlineMillis how long a request or call may take to answer, in milliseconds
 * @param maxMemoryBytes the most linear memory one instance may hold (at most the enclave's cap)
 * @param maxBodyBytes the largest request body accepted (else 413)
 * @param maxConcurrentRequests requests and calls served at once (more get 503)
 */
public record AppLimitsSpec(
    Optional<Long> deadlineMillis,
    Optional<Long> maxMemoryBytes,
    Optional<Long> maxBodyBytes,
    Optional<Integer> maxConcurrentRequests) {

  /** The longest deadline an app may ask for: 10 minutes. */
  public static final long MAX_DEADLINE_MILLIS = 600_000;

  /** The largest body limit an app may ask for: 1 GiB. */
  public static final long MAX_BODY_BYTES = 1L << 30;

  /** The most requests at once an app may ask for. */
  public static final int MAX_CONCURRENT = 1024;

  /** The smallest memory cap: one 64 KiB page. */
  public static final long MIN_MEMORY_BYTES = 64 * 1024;

  /** Empty optionals for nulls. */
  public AppLimitsSpec {
    deadlineMillis = deadlineMillis == null ? Optional.empty() : deadlineMillis;
    maxMemoryBytes = maxMemoryBytes == null ? Optional.empty() : maxMemoryBytes;
    maxBodyBytes = maxBodyBytes == null ? Optional.empty() : maxBodyBytes;
    maxConcurrentRequests = maxConcurrentRequests == null ? Optional.empty() : maxConcurrentRequests;
  }

  /** Every limit the enclave's default. */
  public static AppLimitsSpec defaults() {
    return new AppLimitsSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether no limit is set. */
  public boolean isDefault() {
    return this.equals(defaults());
  }

  /** Checks each limit's range, naming the one at fault ({@code limits.deadlineMs}). */
  public void validate() throws InvalidDeploymentException {
    range("limits.deadlineMs", deadlineMillis, 1, MAX_DEADLINE_MILLIS);
    range("limits.maxMemoryBytes", maxMemoryBytes, MIN_MEMORY_BYTES, Long.MAX_VALUE);
    range("limits.maxBodyBytes", maxBodyBytes, 0, MAX_BODY_BYTES);
    range("limits.maxConcurrentRequests", maxConcurrentRequests.map(Integer::longValue), 1, MAX_CONCURRENT);
  }

  private static void range(String field, Optional<Long> value, long min, long max)
      throws InvalidDeploymentException {
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      throw new InvalidDeploymentException(
          field, value.get() + " is out of range: from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
    }
  }
}
