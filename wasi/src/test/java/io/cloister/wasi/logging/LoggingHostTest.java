package io.cloister.wasi.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.wasi.clocks.ClockSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoggingHostTest {
  private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
  private static final ClockSource FIXED =
      new ClockSource() {
        @Override
        public long monotonicNanos() {
          return 0;
        }

        @Override
        public long monotonicResolutionNanos() {
          return 1;
        }

        @Override
        public Instant wallNow() {
          return T;
        }

        @Override
        public Duration wallResolution() {
          return Duration.ofNanos(1);
        }
      };

  @Test
  void recordsCarryTimeLevelContextAndMessage() {
    RecentAppLog log = new RecentAppLog(2);
    LoggingHost host = new LoggingHost(log, FIXED);
    host.log(LogLevel.WARN, "db", "slow query");
    assertThat(log.records()).containsExactly(new LogRecord(T, LogLevel.WARN, "db", "slow query"));
  }

  @Test
  void longMessagesAreCutAndOldRecordsDropped() {
    RecentAppLog log = new RecentAppLog(2);
    LoggingHost host = new LoggingHost(log, FIXED);
    host.log(LogLevel.INFO, "", "first");
    host.log(LogLevel.INFO, "", "second");
    host.log(LogLevel.CRITICAL, "", "x".repeat(LoggingHost.MAX_CHARS + 10));
    assertThat(log.records()).hasSize(2);
    assertThat(log.records().get(0).message()).isEqualTo("second");
    assertThat(log.records().get(1).message()).hasSize(LoggingHost.MAX_CHARS + 1).endsWith("…");
  }
}
