package io.cloister.wasi.clocks;

import io.cloister.component.bind.Own;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.clocks.MonotonicClock;
import io.cloister.wasi.bindings.wasi.io.Poll;
import io.cloister.wasi.io.DeadlinePollable;
import io.cloister.wasi.io.Pollable;

/**
 * {@code wasi:clocks/monotonic-clock}: nanoseconds that only go forward, and pollables that become
 * ready at an instant or after a duration.
 */
public final class MonotonicClockHost implements MonotonicClock {
  private final ClockSource source;
  private final long origin;
  private final ResourceTable table;

  /**
   * Readings from {@code source}, counted from the moment this host is created; pollables go into
   * {@code table}.
   */
  public MonotonicClockHost(ClockSource source, ResourceTable table) {
    this.source = source;
    this.origin = source.monotonicNanos();
    this.table = table;
  }

  /** {@code now}: nanoseconds since this host was created (an unsigned {@code instant}). */
  @Override
  public long now() {
    return source.monotonicNanos() - origin;
  }

  /** {@code resolution}. */
  @Override
  public long resolution() {
    return source.monotonicResolutionNanos();
  }

  @Override
  public Own<Poll.Pollable> subscribeInstant(long when) {
    return new Own<>(table.push(pollableAt(when)));
  }

  @Override
  public Own<Poll.Pollable> subscribeDuration(long duration) {
    return new Own<>(table.push(pollableAfter(duration)));
  }

  /** Ready once {@link #now()} reaches {@code when}. */
  public Pollable pollableAt(long when) {
    return new DeadlinePollable(this::now, when);
  }

  /** Ready {@code duration} nanoseconds (unsigned) from now. */
  public Pollable pollableAfter(long duration) {
    long now = now();
    long when = now + duration;
    // Saturate: a duration past the end of the clock's range never fires.
    if (Long.compareUnsigned(when, now) < 0) {
      when = -1L;
    }
    return new DeadlinePollable(this::now, when);
  }
}
