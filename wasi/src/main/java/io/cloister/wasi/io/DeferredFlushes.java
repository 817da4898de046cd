package io.cloister.wasi.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Flushes a guest asked for, deferred until the guest next waits for something or its call ends.
 * A guest that writes a small response with {@code blocking-write-and-flush} and then finishes
 * would otherwise send its bytes to the client twice (a chunk, then the end), each as a packet of
 * its own; deferred, the whole response goes out once, with its length. Output still reaches the
 * client before the guest waits (a streaming guest sleeps or reads between events) and when its
 * call returns, so nothing flushed is held back while the guest is idle.
 *
 * <p>Bound to the calling thread between {@link #open} and {@link Scope#close}; with no scope open,
 * flushes run at once.
 */
public final class DeferredFlushes {
  private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

  private DeferredFlushes() {}

  /** Starts deferring this thread's flushes (one guest call); closing the scope runs the rest. */
  public static Scope open() {
    List<Runnable> outer = PENDING.get();
    PENDING.set(new ArrayList<>());
    return () -> {
      runPending();
      PENDING.set(outer);
    };
  }

  /** Runs {@code flush} before this thread next waits, or now when no scope is open. */
  public static void defer(Runnable flush) {
    List<Runnable> pending = PENDING.get();
    if (pending == null) {
      flush.run();
    } else if (!pending.contains(flush)) {
      pending.add(flush);
    }
  }

  /** Runs the flushes deferred so far on this thread: the thread is about to wait. */
  public static void runPending() {
    List<Runnable> pending = PENDING.get();
    if (pending == null || pending.isEmpty()) {
      return;
    }
    List<Runnable> now = List.copyOf(pending);
    pending.clear();
    for (Runnable flush : now) {
      flush.run();
    }
  }

  /** A thread's deferral, closed when the guest call ends. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
