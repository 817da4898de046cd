package io.cloister.wasi.io;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A broadcast "something changed" signal. The owner of some state raises it after every change that
 * can make a pollable ready; waiters in {@link PollHost#poll} then re-check their pollables.
 */
public final class ReadySignal {
  private final Set<Waiter> waiters = new CopyOnWriteArraySet<>();

  /** Wakes every waiter currently registered. */
  public void raise() {
    for (Waiter w : waiters) {
      w.wake();
    }
  }

  void add(Waiter w) {
    waiters.add(w);
  }

  void remove(Waiter w) {
    waiters.remove(w);
  }

  /** One thread's wait: a wake-up raised before the wait begins is not lost. */
  static final class Waiter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean signaled;

    void wake() {
      lock.lock();
      try {
        signaled = true;
        woken.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /** Waits until woken or {@code nanos} elapsed ({@link Long#MAX_VALUE}: no timeout). */
    void await(long nanos) throws InterruptedException {
      lock.lock();
      try {
        long remaining = nanos;
        while (!signaled && remaining > 0) {
          if (nanos == Long.MAX_VALUE) {
            woken.await();
          } else {
            remaining = woken.awaitNanos(remaining);
          }
        }
        signaled = false;
      } finally {
        lock.unlock();
      }
    }
  }
}
