package io.cloister.enclave.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.enclave.protocol.LogEntry;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppLogStreamTest {
  private static LogRecord line(String message) {
    return new LogRecord(Instant.EPOCH, LogLevel.INFO, "stdout", message);
  }

  @Test
  void aSubscriberGetsTheBacklogThenLiveLinesWithoutGapOrOverlap() throws Exception {
    List<LogEntry> host = new ArrayList<>();
    AppLogStream log = new AppLogStream("hello", host::add);
    log.record(line("one"));
    log.record(line("two"));
    try (AppLogStream.Subscription sub = log.subscribe()) {
      log.record(line("three"));
      assertThat(sub.backlog()).extracting(LogEntry::message).containsExactly("one", "two");
      LogEntry live = sub.next(1000);
      assertThat(live.message()).isEqualTo("three");
      assertThat(live.sequence()).isEqualTo(3);
      assertThat(live.level()).isEqualTo("info");
      assertThat(sub.next(10)).isNull();
    }
    assertThat(host).hasSize(3);
  }

  @Test
  void theBacklogIsBoundedAndHugeMessagesAreCut() {
    AppLogStream log = new AppLogStream("hello", e -> {});
    for (int i = 0; i < AppLogStream.BACKLOG + 50; i++) {
      log.record(line("m" + i));
    }
    assertThat(log.backlog()).hasSize(AppLogStream.BACKLOG);
    assertThat(log.backlog().get(0).message()).isEqualTo("m50");
    log.record(line("x".repeat(100_000)));
    String cut = log.backlog().get(AppLogStream.BACKLOG - 1).message();
    assertThat(cut).hasSizeLessThan(AppLogStream.MAX_MESSAGE + 100).endsWith("(100000 characters)");
  }

  @Test
  void aSlowSubscriberLosesLinesButNeverBlocksTheApp() throws Exception {
    AppLogStream log = new AppLogStream("hello", e -> {});
    try (AppLogStream.Subscription sub = log.subscribe()) {
      for (int i = 0; i < AppLogStream.SUBSCRIBER_QUEUE + 10; i++) {
        log.record(line("m" + i)); // returns at once even though nobody reads
      }
      int got = 0;
      while (sub.next(0) != null) {
        got++;
      }
      assertThat(got).isEqualTo(AppLogStream.SUBSCRIBER_QUEUE);
    }
  }
}
