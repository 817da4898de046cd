package io.cloister.wasi.io;

/**
 * The {@code wasi:io/poll.pollable} resource: something that becomes ready. A pollable either
 * becomes ready at a deadline ({@link #nanosUntilReady()}) or when its {@link #signal()} is raised;
 * {@link PollHost#poll} waits on both without spinning.
 */
public interface Pollable {

  /** {@code ready}: whether the event happened; never blocks. */
  boolean ready();

  /**
   * Nanoseconds from now until this becomes ready without any signal (a timer), zero or less when
   * due, {@link Long#MAX_VALUE} when only the signal can make it ready.
   */
  default long nanosUntilReady() {
    return Long.MAX_VALUE;
  }

  /** The signal raised whenever {@link #ready()} may have changed; {@code null} for pure timers. */
  ReadySignal signal();

  /** A pollable that is always ready (streams that never wait, such as log lines). */
  Pollable ALWAYS_READY =
      new Pollable() {
        @Override
        public boolean ready() {
          return true;
        }

        @Override
        public ReadySignal signal() {
          return null;
        }
      };
}
