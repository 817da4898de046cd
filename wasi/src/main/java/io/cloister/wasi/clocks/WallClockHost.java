package io.cloister.wasi.clocks;

import java.time.Duration;
import java.time.Instant;

/** {@code wasi:clocks/wall-clock}: the time of day, as seconds and nanoseconds since the epoch. */
public final class WallClockHost {
  private final ClockSource source;

  /** Wall-clock readings from {@code source}. */
  public WallClockHost(ClockSource source) {
    this.source = source;
  }

  /** The {@code datetime} record. */
  public record Datetime(long seconds, int nanoseconds) {
    static Datetime of(Instant instant) {
      return new Datetime(instant.getEpochSecond(), instant.getNano());
    }
  }

  /** {@code now}. Times before 1970 are clamped to the epoch: the seconds field is unsigned. */
  public Datetime now() {
    Instant now = source.wallNow();
    return Datetime.of(now.isBefore(Instant.EPOCH) ? Instant.EPOCH : now);
  }

  /** {@code resolution}. */
  public Datetime resolution() {
    Duration r = source.wallResolution();
    return new Datetime(r.getSeconds(), r.getNano());
  }
}
