package io.cloister.wasi.clocks;

import io.cloister.wasi.io.DeadlinePollable;
import io.cloister.wasi.io.Pollable;

/**
 * {@code wasi:clocks/monotonic-clock}: nanoseconds that only go forward, and pollables that become
 * ready at an instant or after a duration.
 */
public final class MonotonicClockHost {
  private final ClockSource source;
  private final long origin;

  /** Readings from {@code source}, counted from the moment this host is created. */
  public MonotonicClockHost(ClockSource source) {
    this.source = source;
    this.origin = source.monotonicNanos();
  }

  /** {@code now}: nanoseconds since this host was created (an unsigned {@code instant}). */
  public long now() {
    return source.monotonicNanos() - origin;
  }

  /** {@code resolution}. */
  public long resolution() {
    return source.monotonicResolutionNanos();
  }

  /** {@code subscribe-instant}: ready once {@link #now()} reaches {@code when}. */
  public Pollable subscribeInstant(long when) {
    return new DeadlinePollable(this::now, when);
  }

  /** {@code subscribe-duration}: ready {@code duration} nanoseconds (unsigned) from now. */
  public Pollable subscribeDuration(long duration) {
    long now = now();
    long when = now + duration;
    // Saturate: a duration past the end of the clock's range never fires.
    if (Long.compareUnsigned(when, now) < 0) {
      when = -1L;
    }
    return new DeadlinePollable(this::now, when);
  }
}
