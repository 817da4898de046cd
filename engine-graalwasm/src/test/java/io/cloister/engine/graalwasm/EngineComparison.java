package io.cloister.engine.graalwasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A rough, JMH-free comparison of GraalWasm (with the Graal JIT, both memory modes) and Chicory
 * 1.7.5's compiler on CPU-heavy wasm, printing warm medians. Not a test: run it with {@code
 * scripts/bench-engines.sh} (the JIT flags and the test class path), figures in docs/graalwasm.md.
 *
 * <p>Arguments: {@code [warm-up seconds per engine and workload (default 8)] [measured runs
 * (default 11)] [workload names...]}.
 */
public final class EngineComparison {
  /** A bytecode interpreter's dispatch loop: 16 opcodes through br_table, a data-dependent jump. */
  static String dispatchWat() {
    String[] ops = {
      "(local.set $a (i64.add (local.get $a) (local.get $b)))",
      "(local.set $b (i64.xor (local.get $b) (local.get $a)))",
      "(local.set $c (i64.add (local.get $c) (i64.const 1)))",
      "(local.set $a (i64.mul (local.get $a) (i64.const 3)))",
      "(local.set $b (i64.rotl (local.get $b) (i64.const 7)))",
      "(local.set $a (i64.sub (local.get $a) (local.get $c)))",
      // an immediate operand: the next program byte
      "(local.set $b (i64.add (local.get $b) (i64.load8_u (local.get $pc))))"
          + "(local.set $pc (i32.rem_u (i32.add (local.get $pc) (i32.const 1)) (local.get $len)))",
      "(local.set $c (i64.xor (local.get $c) (i64.shr_u (local.get $a) (i64.const 3))))",
      "(i64.store offset=4096 (i32.shl (i32.and (i32.wrap_i64 (local.get $c)) (i32.const 1023)) (i32.const 3)) (local.get $a))",
      "(local.set $b (i64.load offset=4096 (i32.shl (i32.and (i32.wrap_i64 (local.get $a)) (i32.const 1023)) (i32.const 3))))",
      // a conditional jump forward
      "(if (i32.wrap_i64 (i64.and (local.get $a) (i64.const 1)))"
          + " (then (local.set $pc (i32.rem_u (i32.add (local.get $pc) (i32.const 5)) (local.get $len)))))",
      "(local.set $a (i64.rotr (local.get $a) (i64.const 13)))",
      "(local.set $b (i64.or (i64.mul (local.get $b) (local.get $a)) (i64.const 1)))",
      "(local.set $c (i64.add (local.get $c) (local.get $b)))",
      "(local.set $a (i64.xor (local.get $a) (local.get $c)))",
      "(nop)",
    };
    StringBuilder sb = new StringBuilder();
    sb.append("(module (memory (export \"memory\") 1)\n");
    sb.append("(func (export \"run\") (param $len i32) (param $steps i32) (result i64)\n");
    sb.append("(local $pc i32) (local $n i32) (local $op i32) (local $a i64) (local $b i64) (local $c i64)\n");
    sb.append("(local.set $a (i64.const 1)) (local.set $b (i64.const 2))\n");
    sb.append("(block $exit (loop $dispatch\n");
    sb.append("(br_if $exit (i32.ge_u (local.get $n) (local.get $steps)))\n");
    sb.append("(local.set $n (i32.add (local.get $n) (i32.const 1)))\n");
    sb.append("(local.set $op (i32.and (i32.load8_u (local.get $pc)) (i32.const 15)))\n");
    sb.append("(local.set $pc (i32.add (local.get $pc) (i32.const 1)))\n");
    sb.append("(if (i32.ge_u (local.get $pc) (local.get $len)) (then (local.set $pc (i32.const 0))))\n");
    for (int i = ops.length - 1; i >= 0; i--) {
      sb.append("(block $op").append(i).append(' ');
    }
    sb.append("(br_table");
    for (int i = 0; i < ops.length; i++) {
      sb.append(" $op").append(i);
    }
    sb.append(" (local.get $op)))\n");
    for (int i = 0; i < ops.length; i++) {
      // op i's code follows the end of block $op<i>; all but the last end the next block
      sb.append(ops[i]).append(" (br $dispatch)").append(i < ops.length - 1 ? ")\n" : "\n");
    }
    sb.append("))\n"); // loop $dispatch, block $exit
    sb.append("(i64.xor (local.get $a) (i64.xor (local.get $b) (local.get $c)))))\n"); // func, module
    return sb.toString();
  }

  static final String HASH =
      """
      (module (memory (export "memory") 1)
        ;; FNV-1a over [0, len), rounds times
        (func (export "run") (param $len i32) (param $rounds i32) (result i64)
          (local $h i32) (local $i i32) (local $r i32)
          (local.set $h (i32.const 0x811c9dc5))
          (block $done (loop $round
            (br_if $done (i32.ge_u (local.get $r) (local.get $rounds)))
            (local.set $i (i32.const 0))
            (block $end (loop $byte
              (br_if $end (i32.ge_u (local.get $i) (local.get $len)))
              (local.set $h (i32.mul (i32.xor (local.get $h) (i32.load8_u (local.get $i))) (i32.const 16777619)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $byte)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $round)))
          (i64.extend_i32_u (local.get $h))))
      """;

  static final String FIB =
      """
      (module (memory (export "memory") 1)
        (func $fib (param i32) (result i32)
          (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
            (then (local.get 0))
            (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                           (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
        (func (export "run") (param i32) (param i32) (result i64) (i64.extend_i32_u (call $fib (local.get 0)))))
      """;

  record Workload(String name, String wat, byte[] data, int arg0, int arg1, String what) {}

  interface Runner {
    long run();
  }

  public static void main(String[] args) {
    double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    List<String> only = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();

    byte[] program = new byte[4096];
    new Random(7).nextBytes(program);
    byte[] bytes64k = new byte[65536];
    new Random(8).nextBytes(bytes64k);
    List<Workload> workloads =
        List.of(
            new Workload("dispatch", dispatchWat(), program, program.length, 50_000_000,
                "interpreter dispatch loop, 50 M instructions"),
            new Workload("hash", HASH, bytes64k, 65536, 200, "FNV-1a over 64 KiB x 200"),
            new Workload("fib", FIB, new byte[0], 30, 0, "recursive fib(30)"));

    GraalWasmEngine direct = GraalWasmEngine.shared();
    GraalWasmEngine polyglot =
        GraalWasmEngine.builder().memoryAccess(GraalWasmEngine.MemoryAccess.POLYGLOT).build();
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d cores; Truffle runtime: %s; warm-up %.0f s, %d measured runs%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), direct.runtimeName(), warmupSeconds, runs);
    System.out.printf(Locale.ROOT, "%-9s %-28s %12s %12s %12s %9s%n", "workload", "engine", "median ms", "min ms", "max ms", "first ms");
    for (Workload w : workloads) {
      if (!only.isEmpty() && !only.contains(w.name())) {
        continue;
      }
      byte[] wasm = Wat.wasm(w.wat());
      Long expected = null;
      for (String engine : List.of("chicory-compiler", "graalwasm-direct(unsafe mem)", "graalwasm-polyglot(heap mem)")) {
        long t0 = System.nanoTime();
        Runner runner =
            switch (engine) {
              case "chicory-compiler" -> chicory(wasm, w);
              case "graalwasm-direct(unsafe mem)" -> graal(direct, wasm, w);
              default -> graal(polyglot, wasm, w);
            };
        long result = runner.run();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (expected == null) {
          expected = result;
        } else if (expected != result) {
          throw new AssertionError(w.name() + " on " + engine + ": " + result + " but Chicory said " + expected);
        }
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmEnd) {
          runner.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          runner.run();
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT, "%-9s %-28s %12.1f %12.1f %12.1f %9.0f%n", w.name(), engine, ms[runs / 2], ms[0], ms[runs - 1], firstMs);
      }
      System.out.println("          (" + w.what() + ")");
    }
    overheads(direct, polyglot);
    polyglot.close();
  }

  static Runner chicory(byte[] wasm, Workload w) {
    WasmModule module = Parser.parse(wasm);
    Function<Instance, Machine> machines = MachineFactoryCompiler.compile(module);
    Instance instance = Instance.builder(module).withMachineFactory(machines).withImportValues(ImportValues.empty()).build();
    instance.memory().write(0, w.data());
    var run = instance.export("run");
    return () -> run.apply(w.arg0(), w.arg1())[0];
  }

  static Runner graal(GraalWasmEngine engine, byte[] wasm, Workload w) {
    CoreModule module = engine.compile(w.name(), wasm);
    CoreStore store = engine.newStore();
    CoreInstance instance = store.instantiate(module, Imports.none());
    instance.memory("memory").write(0, w.data());
    CoreFunction run = instance.function("run");
    return () -> run.call1(w.arg0(), w.arg1());
  }

  /** Per-operation costs through this module's API: calls in and out, bulk memory, instantiation. */
  static void overheads(GraalWasmEngine direct, GraalWasmEngine polyglot) {
    String wat =
        """
        (module
          (import "env" "h" (func $h (param i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
          (func (export "callHost") (param $n i32) (result i32) (local $i i32) (local $acc i32)
            (block $d (loop $l
              (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $acc (i32.add (local.get $acc) (call $h (local.get $i))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
            (local.get $acc)))
        """;
    byte[] wasm = Wat.wasm(wat);
    byte[] block = new byte[65536];
    System.out.println();
    System.out.printf(Locale.ROOT, "%-28s %16s %16s %16s %16s %16s%n", "engine", "java->wasm ns", "wasm->host ns", "write 64K us", "read 64K us", "readInt ns");
    // Chicory
    {
      WasmModule module = Parser.parse(wasm);
      Function<Instance, Machine> machines = MachineFactoryCompiler.compile(module);
      ImportValues imports =
          ImportValues.builder()
              .addFunction(new com.dylibso.chicory.runtime.HostFunction("env", "h",
                  com.dylibso.chicory.wasm.types.FunctionType.of(
                      List.of(com.dylibso.chicory.wasm.types.ValType.I32), List.of(com.dylibso.chicory.wasm.types.ValType.I32)),
                  (inst, a) -> new long[] {a[0] + 1}))
              .build();
      Instance instance = Instance.builder(module).withMachineFactory(machines).withImportValues(imports).build();
      var add = instance.export("add");
      var callHost = instance.export("callHost");
      var memory = instance.memory();
      report("chicory-compiler",
          perOp(1_000_000, () -> add.apply(1, 2)[0]),
          perCall(() -> callHost.apply(1_000_000)[0], 1_000_000),
          perOp(2_000, () -> {
            memory.write(0, block);
            return 0;
          }) / 1000,
          perOp(2_000, () -> memory.readBytes(0, 65536).length) / 1000,
          perOp(1_000_000, () -> memory.readInt(64)));
    }
    for (GraalWasmEngine engine : List.of(direct, polyglot)) {
      CoreModule module = engine.compile("overheads", wasm);
      CoreStore store = engine.newStore();
      CoreInstance instance =
          store.instantiate(module,
              Imports.builder().function("env", "h", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), a -> new long[] {a[0] + 1}).build());
      CoreFunction add = instance.function("add");
      CoreFunction callHost = instance.function("callHost");
      CoreMemory memory = instance.memory("memory");
      report("graalwasm-" + engine.memoryAccess().name().toLowerCase(Locale.ROOT),
          perOp(1_000_000, () -> add.call1(1, 2)),
          perCall(() -> callHost.call1(1_000_000), 1_000_000),
          perOp(engine.memoryAccess() == GraalWasmEngine.MemoryAccess.DIRECT ? 2_000 : 100, () -> {
            memory.write(0, block);
            return 0;
          }) / 1000,
          perOp(2_000, () -> memory.read(0, 65536).length) / 1000,
          perOp(1_000_000, () -> memory.readInt(64)));
      store.close();
    }
    // instantiation: a fresh store (context) and instance of the small module, compiled once
    System.out.println();
    {
      WasmModule module = Parser.parse(wasm);
      Function<Instance, Machine> machines = MachineFactoryCompiler.compile(module);
      ImportValues imports =
          ImportValues.builder()
              .addFunction(new com.dylibso.chicory.runtime.HostFunction("env", "h",
                  com.dylibso.chicory.wasm.types.FunctionType.of(
                      List.of(com.dylibso.chicory.wasm.types.ValType.I32), List.of(com.dylibso.chicory.wasm.types.ValType.I32)),
                  (inst, a) -> new long[] {a[0] + 1}))
              .build();
      double us = perOp(5_000, () -> Instance.builder(module).withMachineFactory(machines).withImportValues(imports).build().export("add").apply(1, 2)[0]) / 1000;
      System.out.printf(Locale.ROOT, "instantiate + one call, chicory-compiler: %.1f us%n", us);
    }
    for (GraalWasmEngine engine : List.of(direct, polyglot)) {
      CoreModule module = engine.compile("overheads", wasm);
      Imports imports =
          Imports.builder().function("env", "h", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), a -> new long[] {a[0] + 1}).build();
      double us = perOp(10_000, () -> {
        try (CoreStore store = engine.newStore()) {
          return store.instantiate(module, imports).function("add").call1(1, 2);
        }
      }) / 1000;
      System.out.printf(Locale.ROOT, "new store + instantiate + one call, graalwasm-%s: %.1f us%n", engine.memoryAccess().name().toLowerCase(Locale.ROOT), us);
    }
  }

  static void report(String engine, double callNs, double hostNs, double writeUs, double readUs, double readIntNs) {
    System.out.printf(Locale.ROOT, "%-28s %16.1f %16.1f %16.2f %16.2f %16.1f%n", engine, callNs, hostNs, writeUs, readUs, readIntNs);
  }

  /** Median over 7 batches (after 3 warm-up batches) of nanoseconds per operation. */
  static double perOp(int n, LongSupplier op) {
    List<Double> batches = new ArrayList<>();
    long sink = 0;
    for (int b = 0; b < 10; b++) {
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += op.getAsLong();
      }
      if (b >= 3) {
        batches.add((System.nanoTime() - t) / (double) n);
      }
    }
    if (sink == 42) {
      System.out.print("");
    }
    batches.sort(null);
    return batches.get(batches.size() / 2);
  }

  /** Nanoseconds per guest-to-host call: one call of {@code op} makes {@code calls} of them. */
  static double perCall(LongSupplier op, int calls) {
    return perOp(1, op) / calls;
  }

  private EngineComparison() {}
}
