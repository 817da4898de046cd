package io.cloister.serve.exchange;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One call into a guest on a thread of its own, which the deadline can interrupt. Chicory checks
 * the thread's interrupt flag in compiled and interpreted code (at calls and backward branches), so
 * an interrupted guest stops with a trap; a call stuck where nothing checks the flag is abandoned:
 * its thread keeps running, but its instance is discarded and its response refused.
 */
final class GuestCall {
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final Runnable stop;
  private Thread thread;
  private boolean interrupted;

  private GuestCall(Runnable stop) {
    this.stop = stop;
  }

  /**
   * Starts {@code body} on a thread from {@code threads}; {@code stop} stops it where interrupting
   * the thread does not (an engine that does not look at the flag).
   */
  static GuestCall start(Executor threads, Runnable body, Runnable stop) {
    GuestCall call = new GuestCall(stop);
    threads.execute(
        () -> {
          if (!call.bind(Thread.currentThread())) {
            call.done.complete(null);
            return;
          }
          try {
            body.run();
            call.done.complete(null);
          } catch (RuntimeException | Error e) {
            call.done.completeExceptionally(e);
          } finally {
            call.unbind();
          }
        });
    return call;
  }

  /** Completes when the call returns; exceptionally with the guest's trap. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** Asks the guest to stop: interrupts its thread and runs the stop (or keeps it from starting). */
  synchronized void interrupt() {
    interrupted = true;
    if (thread != null) {
      thread.interrupt();
      stop.run();
    }
  }

  private synchronized boolean bind(Thread t) {
    thread = t;
    return !interrupted;
  }

  private synchronized void unbind() {
    thread = null;
    // A pooled thread must not carry this call's interrupt into the next one.
    Thread.interrupted();
  }
}
