package io.cloister.component.outline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the functions of {@code outline.wat} before and after outlining with budgets small enough
 * to split every one of them, over many inputs, and requires identical results and traps: the
 * original on Chicory's interpreter, the outlined module on the interpreter and compiled (with no
 * interpreter fallback).
 */
class OutlinerDifferentialTest {
  private static byte[] original;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OutlinerDifferentialTest.class.getResourceAsStream("/outline/outline.wasm")) {
      original = in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {120, 160, 250, 400})
  void outlinedModuleComputesWhatTheOriginalComputes(int budget) throws Exception {
    ModuleOutliner.Result r = new ModuleOutliner(budget).outline(original, 0);
    long oversized =
        ModuleLayout.read(original).bodies.stream().filter(b -> b[1] - b[0] > budget).count();
    assertThat(oversized).isPositive();
    assertThat(r.functionsSplit()).isEqualTo(oversized);
    assertThat(r.functionsAdded()).isGreaterThanOrEqualTo(r.functionsSplit());
    assertThat(r.module()).isNotEqualTo(original);

    Instance before = instance(original, InterpreterMachine::new);
    Instance interpreted = instance(r.module(), InterpreterMachine::new);
    WasmModule parsed = Parser.parse(r.module());
    Instance compiled =
        Instance.builder(parsed)
            .withMachineFactory(
                MachineFactoryCompiler.builder(parsed)
                    .withInterpreterFallback(InterpreterFallback.FAIL)
                    .compile())
            .build();
    for (long[] args : inputs()) {
      for (String f : List.of("mix", "early", "pairs", "sumrec")) {
        long[] a = argsFor(f, args);
        String expected = run(before, f, a);
        assertThat(run(interpreted, f, a)).as("%s%s interpreted", f, Arrays.toString(a))
            .isEqualTo(expected);
        assertThat(run(compiled, f, a)).as("%s%s compiled", f, Arrays.toString(a))
            .isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {250, 400})
  void everySplitFunctionFitsTheBudget(int budget) throws Exception {
    ModuleOutliner.Result r = new ModuleOutliner(budget).outline(original, 0);
    assertThat(r.functionsLeft()).isZero();
    ModuleLayout before = ModuleLayout.read(original);
    ModuleLayout after = ModuleLayout.read(r.module());
    for (int i = 0; i < before.bodies.size(); i++) {
      int[] b = after.bodies.get(i);
      assertThat(b[1] - b[0]).isLessThanOrEqualTo(budget);
    }
    // outlined regions fit too, give or take what rewriting their branches adds
    for (int[] b : after.bodies) {
      assertThat(b[1] - b[0]).isLessThanOrEqualTo(budget + budget / 4);
    }
  }

  @Test
  void aModuleWithinTheBudgetIsReturnedAsItIs() throws Exception {
    ModuleOutliner.Result r = new ModuleOutliner(100_000).outline(original, 0);
    assertThat(r.module()).isSameAs(original);
    assertThat(r.functionsAdded()).isZero();
  }

  private static Instance instance(byte[] bytes, Function<Instance, Machine> machines) {
    return Instance.builder(Parser.parse(bytes)).withMachineFactory(machines).build();
  }

  private static String run(Instance instance, String name, long[] args) {
    try {
      return Arrays.toString(instance.export(name).apply(args));
    } catch (RuntimeException e) {
      return "trap " + e.getClass().getSimpleName();
    }
  }

  private static long[] argsFor(String f, long[] v) {
    return switch (f) {
      case "mix" ->
          new long[] {
            v[0], v[1], Float.floatToRawIntBits((float) v[2] / 7f), Double.doubleToRawLongBits(v[3] / 3.0)
          };
      case "pairs" -> new long[] {v[0], v[1] & 0x7ff};
      case "sumrec" -> new long[] {v[0] & 0x3f};
      default -> new long[] {v[0]};
    };
  }

  private static List<long[]> inputs() {
    List<long[]> out = new ArrayList<>();
    for (int i = -3; i < 45; i++) {
      out.add(new long[] {i, i * 977L, i * 3, -i});
    }
    Random random = new Random(4);
    for (int i = 0; i < 150; i++) {
      out.add(new long[] {random.nextInt(64), random.nextLong(), random.nextInt(), random.nextInt()});
    }
    return out;
  }
}
