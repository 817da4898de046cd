package io.cloister.wasi.io;

import java.util.function.LongSupplier;

/** A pollable that becomes ready when a monotonic clock reaches a deadline. */
public final class DeadlinePollable implements Pollable {
  private final LongSupplier clockNanos;
  private final long deadline;

  /** Ready once {@code clockNanos} reads at least {@code deadline} (compared unsigned). */
  public DeadlinePollable(LongSupplier clockNanos, long deadline) {
    this.clockNanos = clockNanos;
    this.deadline = deadline;
  }

  @Override
  public boolean ready() {
    return Long.compareUnsigned(clockNanos.getAsLong(), deadline) >= 0;
  }

  @Override
  public long nanosUntilReady() {
    long now = clockNanos.getAsLong();
    if (Long.compareUnsigned(now, deadline) >= 0) {
      return 0;
    }
    long diff = deadline - now;
    return diff < 0 ? Long.MAX_VALUE - 1 : diff;
  }

  @Override
  public ReadySignal signal() {
    return null;
  }
}
