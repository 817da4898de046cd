package io.cloister.wasi.clocks;

import io.cloister.wasi.bindings.wasi.clocks.WallClock;
import java.time.Duration;
import java.time.Instant;

/** {@code wasi:clocks/wall-clock}: the time of day, as seconds and nanoseconds since the epoch. */
public final class WallClockHost implements WallClock {
  private final ClockSource source;

  /** Wall-clock readings from {@code source}. */
  public WallClockHost(ClockSource source) {
    this.source = source;
  }


  /** {@code now}. Times before 1970 are clamped to the epoch: the seconds field is unsigned. */
  @Override
  public Datetime now() {
    Instant now = source.wallNow();
    Instant t = now.isBefore(Instant.EPOCH) ? Instant.EPOCH : now;
    return new Datetime(t.getEpochSecond(), t.getNano());
  }

  /** {@code resolution}. */
  @Override
  public Datetime resolution() {
    Duration r = source.wallResolution();
    return new Datetime(r.getSeconds(), r.getNano());
  }
}
