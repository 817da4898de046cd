package io.cloister.engine.graalwasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping a running guest from another thread: interrupt (store usable after) and cancel. */
class InterruptTest {
  static final GraalWasmEngine ENGINE = GraalWasmEngine.shared();
  /** Calls env.started, then counts to n (a few hundred million: seconds even when compiled). */
  static final CoreModule LOOP =
      ENGINE.compile(
          "loop",
          Wat.wasm(
              """
              (module
                (import "env" "started" (func $started))
                (memory (export "memory") 1)
                (func (export "count") (param $n i64) (result i64) (local $i i64) (local $acc i64)
                  (call $started)
                  (block $done (loop $next
                    (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
                    (local.set $acc (i64.add (local.get $acc) (i64.mul (local.get $i) (local.get $i))))
                    (local.set $i (i64.add (local.get $i) (i64.const 1)))
                    (br $next)))
                  (local.get $acc)))
              """));
  static final long ITERATIONS = 800_000_000L;
  /** A fresh thread per call, alternately platform and virtual (as a server's requests come). */
  static final ExecutorService PLATFORM = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory());
  static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

  record Running(CoreStore store, CoreFunction count, CountDownLatch[] latches) implements AutoCloseable {
    @Override
    public void close() {
      store.close();
    }

    CountDownLatch started(int round) {
      latches[0] = new CountDownLatch(1);
      return latches[0];
    }
  }

  static Running running() {
    CountDownLatch[] latches = {new CountDownLatch(1)};
    CoreStore store = ENGINE.newStore();
    CoreInstance i =
        store.instantiate(
            LOOP,
            Imports.builder()
                .function("env", "started", FuncType.of(List.of(), List.of()), a -> {
                  latches[0].countDown();
                  return null;
                })
                .build());
    return new Running(store, i.function("count"), latches);
  }

  @Test
  void aHotLoopIsInterruptedAndTheStoreStaysUsable() throws Exception {
    Running r = running();
    try (CoreStore store = r.store()) {
      for (int round = 0; round < 3; round++) {
        CountDownLatch started = r.started(round);
        CompletableFuture<long[]> call =
            CompletableFuture.supplyAsync(() -> r.count().call(ITERATIONS), round % 2 == 0 ? PLATFORM : VIRTUAL);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // well inside the loop (OSR-compiled after the first round)
        long t0 = System.nanoTime();
        assertThat(store.interrupt(Duration.ofSeconds(10))).isTrue();
        long stoppedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
            .cause()
            .isInstanceOfSatisfying(WasmInterruptedException.class, e -> {
              assertThat(e.cancelled()).isFalse();
              assertThat(e.module()).isEqualTo("loop");
              assertThat(e).hasMessage("loop: count: interrupted");
            });
        assertThat(stoppedMs).isLessThan(5_000);
        // usable after: a short count runs to its end
        assertThat(r.count().call1(10)).isEqualTo(285);
      }
    }
  }

  @Test
  void cancelStopsTheLoopAndClosesTheStore() throws Exception {
    Running r = running();
    CoreMemory memory = r.count().owner().memory("memory");
    CountDownLatch started = r.started(0);
    CompletableFuture<long[]> call = CompletableFuture.supplyAsync(() -> r.count().call(ITERATIONS), PLATFORM);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);
    r.store().cancel();
    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(WasmInterruptedException.class, e -> assertThat(e.cancelled()).isTrue());
    assertThat(r.store().closed()).isTrue();
    assertThatThrownBy(() -> r.count().call(1)).isInstanceOf(WasmInterruptedException.class);
    assertThatThrownBy(() -> memory.readInt(0)).isInstanceOf(WasmInterruptedException.class);
    r.store().close(); // closing a cancelled store is fine
    // the engine lives on: a new store runs the same compiled module
    try (Running again = running()) {
      assertThat(again.count().call1(3)).isEqualTo(5);
    }
  }

  @Test
  void theCommonForkJoinPoolIsRefused() throws Exception {
    // Truffle loses its per-thread state on the common pool's innocuous workers between tasks
    // (docs/graalwasm.md): a second call there hangs in the interpreter and fails.
    try (Running r = running()) {
      assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> r.count().call(1), ForkJoinPool.commonPool()).get())
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ForkJoinPool.commonPool()");
    }
  }

  @Test
  void interruptWithNothingRunningReturnsAtOnce() {
    Running r = running();
    try (CoreStore store = r.store()) {
      assertThat(store.interrupt(Duration.ofSeconds(1))).isTrue();
      assertThat(r.count().call1(4)).isEqualTo(14);
    }
  }
}
