package io.cloister.wasi.clocks;

import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand. */
final class ManualClock implements ClockSource {
  long nanos = 1_000;
  Instant wall = Instant.parse("2026-01-02T03:04:05.123456789Z");

  @Override
  public long monotonicNanos() {
    return nanos;
  }

  @Override
  public long monotonicResolutionNanos() {
    return 10;
  }

  @Override
  public Instant wallNow() {
    return wall;
  }

  @Override
  public Duration wallResolution() {
    return Duration.ofMillis(1);
  }
}
