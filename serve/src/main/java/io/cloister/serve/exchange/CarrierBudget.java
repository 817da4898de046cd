package io.cloister.serve.exchange;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many guests may run on their request's own virtual thread at once. Such a guest costs no
 * hand-off between threads, but a virtual thread running guest code keeps its carrier until it
 * blocks in the host or returns, and a guest stuck in a loop keeps it until its deadline. The budget
 * stays below the scheduler's carriers, so stuck guests can never take all of them: the requests
 * beyond it run their guest on a platform thread of its own, which the operating system preempts.
 *
 * <p>One budget serves every app of a server, each through its {@link Share}: an app holds at most
 * {@code max(1, budget / apps)} places at once, so a busy or stuck app leaves the others theirs.
 */
final class CarrierBudget {
  /** The JDK's property for the virtual-thread scheduler's carriers (defaults to the cores). */
  static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

  private final int total;
  private final Semaphore permits;
  private final AtomicInteger shares = new AtomicInteger();

  private CarrierBudget(int total) {
    this.total = total;
    this.permits = new Semaphore(total);
  }

  /** One less than this JVM's carrier threads. */
  static CarrierBudget ofScheduler() {
    return new CarrierBudget(Math.max(0, carriers() - 1));
  }

  /** A share of this budget for one app, until it is closed. */
  Share share() {
    shares.incrementAndGet();
    return new Share();
  }

  /** One app's use of the budget. */
  final class Share implements AutoCloseable {
    private final AtomicInteger held = new AtomicInteger();
    private boolean closed;

    private Share() {}

    /** Takes a place for one guest call on a request thread, if the app's share has one free. */
    boolean tryEnter() {
      int cap = Math.max(1, total / Math.max(1, shares.get()));
      if (held.incrementAndGet() > cap || !permits.tryAcquire()) {
        held.decrementAndGet();
        return false;
      }
      return true;
    }

    /** Gives back a place taken by {@link #tryEnter}. */
    void exit() {
      permits.release();
      held.decrementAndGet();
    }

    /** The app is gone: the others divide the budget among fewer. */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        shares.decrementAndGet();
      }
    }
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
