package io.cloister.wasi.clocks;

import java.time.Duration;
import java.time.Instant;

/** Where an app's clocks read time; injectable so tests control it. */
public interface ClockSource {

  /** Monotonic nanoseconds from an arbitrary origin; never goes back. */
  long monotonicNanos();

  /** The monotonic clock's resolution in nanoseconds. */
  long monotonicResolutionNanos();

  /** The current wall-clock time. */
  Instant wallNow();

  /** The wall clock's resolution. */
  Duration wallResolution();

  /** The machine's clocks: {@link System#nanoTime()} and {@link java.time.Clock#systemUTC()}. */
  ClockSource SYSTEM =
      new ClockSource() {
        @Override
        public long monotonicNanos() {
          return System.nanoTime();
        }

        @Override
        public long monotonicResolutionNanos() {
          return 1;
        }

        @Override
        public Instant wallNow() {
          return Instant.now();
        }

        @Override
        public Duration wallResolution() {
          return Duration.ofNanos(1000);
        }
      };
}
