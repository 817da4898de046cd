package io.cloister.serve.guest;

/**
 * When instances are made and reused. See docs/adr/0001-instance-policy.md for the measured
 * trade-off.
 */
public sealed interface InstancePolicy {

  /**
   * A fresh instance for every request: full isolation between requests, instantiation cost each.
   */
  record Fresh() implements InstancePolicy {}

  /**
   * Instances are reused for later requests, at most {@code maxIdle} kept waiting; an instance
   * whose request trapped, timed out or failed is discarded, never reused. An instance still
   * holding more than {@code maxHeldResources} host resources after a request is retired: a guest
   * that never drops what it is given (StarlingMonkey keeps every {@code incoming-request}) would
   * otherwise grow its tables by one entry per request, without bound.
   */
  record Pooled(int maxIdle, int maxHeldResources) implements InstancePolicy {
    /**
     * Resources an instance may hold between requests before it is retired: high enough that
     * retiring the componentize-js app (tens of milliseconds to instantiate) costs under 1% of
     * its requests' time, low enough to bound the leak at a few MiB per instance.
     */
    public static final int DEFAULT_MAX_HELD_RESOURCES = 10_000;

    public Pooled {
      if (maxIdle < 1) {
        throw new IllegalArgumentException("maxIdle must be at least 1: " + maxIdle);
      }
      if (maxHeldResources < 0) {
        throw new IllegalArgumentException(
            "maxHeldResources must not be negative: " + maxHeldResources);
      }
    }

    /** Up to {@code maxIdle} idle instances, retired past the default resource bound. */
    public Pooled(int maxIdle) {
      this(maxIdle, DEFAULT_MAX_HELD_RESOURCES);
    }
  }
}
