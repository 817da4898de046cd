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
   * whose request trapped, timed out or failed is discarded, never reused.
   */
  record Pooled(int maxIdle) implements InstancePolicy {
    public Pooled {
      if (maxIdle < 1) {
        throw new IllegalArgumentException("maxIdle must be at least 1: " + maxIdle);
      }
    }
  }
}
