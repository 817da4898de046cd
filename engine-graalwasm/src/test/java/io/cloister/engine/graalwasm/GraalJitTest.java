package io.cloister.engine.graalwasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Graal JIT is really on: an optimizing Truffle runtime, and a hot export gets compiled. */
class GraalJitTest {
  static final String COUNT =
      """
      (module
        (func (export "count") (param $n i64) (result i64) (local $i i64) (local $acc i64)
          (block $done (loop $next
            (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
            (local.set $acc (i64.add (local.get $acc) (i64.xor (local.get $i) (i64.const 7))))
            (local.set $i (i64.add (local.get $i) (i64.const 1)))
            (br $next)))
          (local.get $acc)))
      """;

  @BeforeAll
  static void onlyWithTheJitFlags() {
    if (!Wat.jitExpected()) {
      System.err.println(
          "GraalJitTest: *** the JIT flags are not given (JDK older than 25?): GraalWasm runs"
              + " interpreted; the JIT checks are skipped ***");
    }
    assumeTrue(Wat.jitExpected(), "the JVM runs without the Graal JIT flags");
  }

  @Test
  void sharedEngineRunsOnAnOptimizingRuntime() {
    GraalWasmEngine engine = GraalWasmEngine.shared();
    assertThat(engine.runtimeName()).isNotEqualTo(GraalWasmEngine.INTERPRETED_RUNTIME);
    assertThat(engine.optimizing()).isTrue();
  }

  @Test
  void hotExportIsCompiledAndNoFallbackWarning() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // engine.TraceCompilation exists only on an optimizing runtime: building fails on the fallback
    try (GraalWasmEngine engine =
        GraalWasmEngine.builder().option("engine.TraceCompilation", "true").logHandler(log).build()) {
      CoreModule module = engine.compile("count", Wat.wasm(COUNT));
      try (CoreStore store = engine.newStore()) {
        CoreFunction count = store.instantiate(module, Imports.none()).function("count");
        long expected = 0;
        for (long i = 0; i < 1_000_000; i++) {
          expected += i ^ 7;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!traced(log, "opt done") && System.nanoTime() < deadline) {
          assertThat(count.call1(1_000_000)).isEqualTo(expected);
        }
      }
      String text = log.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("opt done").contains("count");
      assertThat(text).doesNotContain("fallback runtime");
    }
  }

  @Test
  void experimentalOptionsAreRefused() {
    assertThatThrownBy(() -> GraalWasmEngine.builder().option("engine.CompileImmediately", "true").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("engine.CompileImmediately is experimental");
  }

  private static boolean traced(ByteArrayOutputStream log, String what) {
    return log.toString(StandardCharsets.UTF_8).contains(what); // its methods are synchronized
  }
}
