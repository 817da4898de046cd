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
 * flushes run at once. A scope opened inside another joins it: the outermost scope runs the
 * flushes when it closes, so the server can let a guest's last output go out after it gave back
 * what the guest's call held (see the serve module's {@code ExchangeHandler}).
 */
public final class DeferredFlushes {
  private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();
  private static final Scope JOINED = () -> {};

  private DeferredFlushes() {}

  /**
   * Starts deferring this thread's flushes (one guest call); closing the scope runs the rest. Inside
   * an open scope, returns one that leaves them to the outer scope.
   */
  public static Scope open() {
    if (PENDING.get() != null) {
      return JOINED;
    }
    PENDING.set(new ArrayList<>());
    return () -> {
      try {
        runPending();
      } finally {
        PENDING.remove();
      }
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
