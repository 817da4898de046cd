package io.cloister.wasi.io;

import io.cloister.wasi.WasiTrap;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wasi:io/poll}: waits for pollables. Waiting parks the calling thread until a signal is
 * raised or the nearest deadline passes; it never spins.
 */
public final class PollHost {

  private PollHost() {}

  /**
   * {@code poll}: blocks until at least one of {@code pollables} is ready and returns the indexes
   * of all that are ready, in order. Traps on an empty list (the specification forbids it, and it
   * would block forever).
   */
  public static List<Integer> poll(List<? extends Pollable> pollables) {
    if (pollables.isEmpty()) {
      throw new WasiTrap("wasi:io/poll.poll: empty list of pollables");
    }
    ReadySignal.Waiter waiter = new ReadySignal.Waiter();
    for (Pollable p : pollables) {
      if (p.signal() != null) {
        p.signal().add(waiter);
      }
    }
    try {
      while (true) {
        // Registered before checking, so a change between the check and the wait still wakes us.
        List<Integer> ready = new ArrayList<>();
        long wait = Long.MAX_VALUE;
        for (int i = 0; i < pollables.size(); i++) {
          Pollable p = pollables.get(i);
          if (p.ready()) {
            ready.add(i);
          } else {
            wait = Math.min(wait, Math.max(1, p.nanosUntilReady()));
          }
        }
        if (!ready.isEmpty()) {
          return ready;
        }
        DeferredFlushes.runPending();
        waiter.await(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WasiTrap("wasi:io/poll: interrupted while waiting", e);
    } finally {
      for (Pollable p : pollables) {
        if (p.signal() != null) {
          p.signal().remove(waiter);
        }
      }
    }
  }

  /** {@code pollable.block}: blocks until {@code pollable} is ready. */
  public static void block(Pollable pollable) {
    poll(List.of(pollable));
  }
}
