package io.cloister.wasi.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.clocks.WallClock;
import io.cloister.wasi.io.PollHost;
import io.cloister.wasi.io.Pollable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClocksTest {

  @Test
  void wallClockReadsTheInjectedSource() {
    ManualClock c = new ManualClock();
    WallClockHost wall = new WallClockHost(c);
    assertThat(wall.now())
        .isEqualTo(new WallClock.Datetime(c.wall.getEpochSecond(), 123_456_789));
    assertThat(wall.resolution()).isEqualTo(new WallClock.Datetime(0, 1_000_000));
    c.wall = Instant.parse("1960-01-01T00:00:00Z");
    assertThat(wall.now()).isEqualTo(new WallClock.Datetime(0, 0));
  }

  @Test
  void monotonicClockCountsFromCreationAndSubscriptionsFollowIt() {
    ManualClock c = new ManualClock();
    MonotonicClockHost mono = new MonotonicClockHost(c, new ResourceTable());
    assertThat(mono.now()).isZero();
    assertThat(mono.resolution()).isEqualTo(10);
    Pollable afterDuration = mono.pollableAfter(500);
    Pollable atInstant = mono.pollableAt(800);
    c.nanos += 499;
    assertThat(afterDuration.ready()).isFalse();
    c.nanos += 1;
    assertThat(afterDuration.ready()).isTrue();
    assertThat(atInstant.ready()).isFalse();
    c.nanos += 300;
    assertThat(atInstant.ready()).isTrue();
    assertThat(mono.pollableAfter(-1L).ready()).isFalse(); // saturates, never fires
  }

  @Test
  void subscribeDurationBlocksForRealTimeOnTheSystemClock() {
    MonotonicClockHost mono = new MonotonicClockHost(ClockSource.SYSTEM, new ResourceTable());
    long t0 = System.nanoTime();
    assertThat(PollHost.poll(List.of(mono.pollableAfter(50_000_000L)))).containsExactly(0);
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(50_000_000L);
  }
}
