package io.cloister.wasi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.WasiTrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollTest {

  @Test
  void returnsTheIndexesOfEveryReadyPollable() throws Exception {
    BytePipe a = new BytePipe(4);
    BytePipe b = new BytePipe(4);
    BytePipe c = new BytePipe(4);
    a.offer(new byte[1], 0, 1);
    c.finish();
    List<Pollable> ps =
        List.of(
            new WasiInputStream(a).subscribe(),
            new WasiInputStream(b).subscribe(),
            new WasiInputStream(c).subscribe());
    assertThat(PollHost.poll(ps)).containsExactly(0, 2);
  }

  @Test
  void blocksUntilAnotherThreadMakesOneReady() throws Exception {
    BytePipe idle = new BytePipe(4);
    BytePipe fed = new BytePipe(4);
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                Thread.sleep(150);
                fed.offer(new byte[] {7}, 0, 1);
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    long t0 = System.nanoTime();
    List<Integer> ready =
        PollHost.poll(
            List.of(new WasiInputStream(idle).subscribe(), new WasiInputStream(fed).subscribe()));
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(ready).containsExactly(1);
  }

  @Test
  void waitingDoesNotSpin() throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    BytePipe pipe = new BytePipe(4);
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () -> {
                  long before = mx.getCurrentThreadCpuTime();
                  PollHost.block(new WasiInputStream(pipe).subscribe());
                  cpu.set(mx.getCurrentThreadCpuTime() - before);
                });
    Thread.sleep(500);
    pipe.finish();
    waiter.join();
    // A spinning wait would burn most of the 500 ms; a parked one a few milliseconds.
    assertThat(cpu.get()).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Test
  void deadlinesWakeThePollWithoutAnySignal() {
    long start = System.nanoTime();
    Pollable timer = new DeadlinePollable(System::nanoTime, start + 80_000_000L);
    Pollable never = new WasiInputStream(new BytePipe(1)).subscribe();
    assertThat(timer.ready()).isFalse();
    assertThat(PollHost.poll(List.of(never, timer))).containsExactly(1);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(80_000_000L);
  }

  @Test
  void emptyListTraps() {
    assertThatThrownBy(() -> PollHost.poll(List.of())).isInstanceOf(WasiTrap.class);
  }
}
