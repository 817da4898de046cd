package io.cloister.serve.exchange;

import java.util.concurrent.Semaphore;

/**
 * How many guests may run on their request's own virtual thread at once. Such a guest costs no
 * hand-off between threads, but a virtual thread running guest code keeps its carrier until it
 * blocks in the host or returns, and a guest stuck in a loop keeps it until its deadline. The budget
 * stays below the scheduler's carriers, so stuck guests can never take all of them: the requests
 * beyond it run their guest on a platform thread of its own, which the operating system preempts.
 */
final class CarrierBudget {
  /** The JDK's property for the virtual-thread scheduler's carriers (defaults to the cores). */
  static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

  private final Semaphore permits;

  private CarrierBudget(int permits) {
    this.permits = new Semaphore(permits);
  }

  /** One less than this JVM's carrier threads. */
  static CarrierBudget ofScheduler() {
    return new CarrierBudget(Math.max(0, carriers() - 1));
  }

  /** Takes a place for one guest call on a request thread, if one is free. */
  boolean tryEnter() {
    return permits.tryAcquire();
  }

  /** Gives back a place taken by {@link #tryEnter}. */
  void exit() {
    permits.release();
  }

  private static int carriers() {
    String configured = System.getProperty(PARALLELISM_PROPERTY);
    if (configured != null) {
      try {
        return Integer.parseInt(configured.strip());
      } catch (NumberFormatException e) {
        // The JDK rejects such a value itself; fall back to its default.
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }
}
