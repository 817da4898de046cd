package io.cloister.engine.graalwasm;

import static io.cloister.engine.graalwasm.ValType.F32;
import static io.cloister.engine.graalwasm.ValType.F64;
import static io.cloister.engine.graalwasm.ValType.I32;
import static io.cloister.engine.graalwasm.ValType.I64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instantiation with host functions and with other instances' exports (shim, main, fixup). */
class LinkingTest {
  static final GraalWasmEngine ENGINE = GraalWasmEngine.shared();
  final List<CoreStore> stores = new ArrayList<>();

  CoreStore store() {
    CoreStore s = ENGINE.newStore();
    stores.add(s);
    return s;
  }

  @AfterEach
  void close() {
    stores.forEach(CoreStore::close);
  }

  @Test
  void hostFunctionsGetAndReturnEveryNumberType() {
    CoreModule m =
        ENGINE.compile(
            "numbers",
            Wat.wasm(
                """
                (module
                  (import "env" "mix" (func $mix (param i32 i64 f32 f64) (result f64)))
                  (import "env" "i32" (func $i32 (param i32) (result i32)))
                  (import "env" "i64" (func $i64 (param i64) (result i64)))
                  (import "env" "f32" (func $f32 (param f32) (result f32)))
                  (import "env" "pair" (func $pair (result i32 i64)))
                  (import "env" "nothing" (func $nothing))
                  (func (export "mix") (param i32 i64 f32 f64) (result f64)
                    (call $mix (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
                  (func (export "i32") (param i32) (result i32) (call $i32 (local.get 0)))
                  (func (export "i64") (param i64) (result i64) (call $i64 (local.get 0)))
                  (func (export "f32") (param f32) (result f32) (call $f32 (local.get 0)))
                  (func (export "pair") (result i64 i32) (local $b i64) (local $a i32)
                    (call $pair) (local.set $b) (local.set $a) (local.get $b) (local.get $a))
                  (func (export "nothing") (call $nothing)))
                """));
    List<String> seen = new ArrayList<>();
    Imports imports =
        Imports.builder()
            .function("env", "mix", FuncType.of(List.of(I32, I64, F32, F64), List.of(F64)), args -> {
              seen.add((int) args[0] + " " + args[1] + " " + Values.asF32(args[2]) + " " + Values.asF64(args[3]));
              return new long[] {Values.f64((double) (int) args[0] + (double) args[1] + Values.asF32(args[2]) + Values.asF64(args[3]))};
            })
            .function("env", "i32", FuncType.of(List.of(I32), List.of(I32)), args -> new long[] {(int) args[0] * 2})
            .function("env", "i64", FuncType.of(List.of(I64), List.of(I64)), args -> new long[] {args[0] - 1})
            .function("env", "f32", FuncType.of(List.of(F32), List.of(F32)), args -> new long[] {Values.f32(-Values.asF32(args[0]))})
            .function("env", "pair", FuncType.of(List.of(), List.of(I32, I64)), args -> new long[] {-7, 1L << 40})
            .function("env", "nothing", FuncType.of(List.of(), List.of()), args -> {
              seen.add("nothing");
              return null;
            })
            .build();
    CoreInstance i = store().instantiate(m, imports);

    assertThat(Values.asF64(i.function("mix").call1(-5, 1L << 33, Values.f32(1.5f), Values.f64(0.25))))
        .isEqualTo(-5 + (double) (1L << 33) + 1.5 + 0.25);
    assertThat(seen).containsExactly("-5 8589934592 1.5 0.25");
    assertThat((int) i.function("i32").call1(-21)).isEqualTo(-42);
    assertThat((int) i.function("i32").call1(0x7fffffff)).isEqualTo(-2); // wraps as an i32
    assertThat(i.function("i64").call1(Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(Values.asF32(i.function("f32").call1(Values.f32(3.25f)))).isEqualTo(-3.25f);
    assertThat(i.function("pair").call()).containsExactly(1L << 40, -7);
    assertThat(i.function("nothing").call()).isEmpty();
    assertThat(seen).endsWith("nothing");
    assertThat(i.function("mix").type()).isEqualTo(FuncType.of(List.of(I32, I64, F32, F64), List.of(F64)));
  }

  /**
   * The shape of a component made by jco: a shim owns a funcref table of trampolines, the main
   * module imports the trampolines and exports its memory and realloc, the fixup module fills the
   * table with the host functions (which need the main's memory and realloc) once those exist.
   */
  @Test
  void shimMainFixupLinking() {
    CoreModule shim =
        ENGINE.compile(
            "shim",
            Wat.wasm(
                """
                (module
                  (type $t (func (param i32) (result i32)))
                  (table (export "$imports") 1 1 funcref)
                  (func (export "0") (param i32) (result i32)
                    (call_indirect (type $t) (local.get 0) (i32.const 0))))
                """));
    CoreModule main =
        ENGINE.compile(
            "main",
            Wat.wasm(
                """
                (module
                  (import "host" "greet" (func $greet (param i32) (result i32)))
                  (memory (export "memory") 1)
                  (global $bump (mut i32) (i32.const 1024))
                  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (local $p i32)
                    (local.set $p (global.get $bump))
                    (global.set $bump (i32.add (global.get $bump) (local.get 3)))
                    (local.get $p))
                  ;; asks the host for a greeting; returns the length of what it wrote, or -1
                  (func (export "run") (param $retptr i32) (result i32)
                    (drop (call $greet (local.get $retptr)))
                    (i32.load offset=4 (local.get $retptr))))
                """));
    CoreModule fixup =
        ENGINE.compile(
            "fixup",
            Wat.wasm(
                """
                (module
                  (import "" "$imports" (table 1 1 funcref))
                  (import "" "0" (func $lowered (param i32) (result i32)))
                  (elem (i32.const 0) func $lowered))
                """));

    CoreStore store = store();
    CoreInstance shimI = store.instantiate(shim, Imports.none());
    CoreInstance mainI = store.instantiate(main, Imports.builder().extern("host", "greet", shimI.function("0")).build());
    CoreMemory memory = mainI.memory("memory");
    CoreFunction realloc = mainI.function("cabi_realloc");
    // the canonical ABI's lowering of a host function returning a string: realloc, write, store
    HostFunction lowered = args -> {
      int retptr = (int) args[0];
      byte[] text = "hello from the host".getBytes(StandardCharsets.UTF_8);
      int ptr = (int) realloc.call1(0, 0, 1, text.length);
      memory.write(ptr, text);
      memory.writeInt(retptr, ptr);
      memory.writeInt(retptr + 4, text.length);
      return new long[] {0};
    };
    store.instantiate(
        fixup,
        Imports.builder()
            .extern("", "$imports", shimI.export("$imports"))
            .function("", "0", FuncType.of(List.of(I32), List.of(I32)), lowered)
            .build());

    int len = (int) mainI.function("run").call1(64);
    assertThat(len).isEqualTo(19);
    int ptr = memory.readInt(64);
    assertThat(ptr).isEqualTo(1024);
    assertThat(new String(memory.read(ptr, len), StandardCharsets.UTF_8)).isEqualTo("hello from the host");
  }

  @Test
  void memoriesFunctionsAndGlobalsOfAnotherInstance() {
    CoreModule base =
        ENGINE.compile(
            "base",
            Wat.wasm(
                """
                (module
                  (memory (export "memory") 1)
                  (global (export "base") i32 (i32.const 100))
                  (global $calls (mut i32) (i32.const 0))
                  (func (export "tick") (result i32)
                    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                    (global.get $calls)))
                """));
    CoreModule user =
        ENGINE.compile(
            "user",
            Wat.wasm(
                """
                (module
                  (import "base" "memory" (memory 1))
                  (import "base" "base" (global $base i32))
                  (import "base" "tick" (func $tick (result i32)))
                  (func (export "store") (param i32)
                    (i32.store (global.get $base) (local.get 0)))
                  (func (export "tick") (result i32) (call $tick)))
                """));
    CoreStore store = store();
    CoreInstance b = store.instantiate(base, Imports.none());
    CoreInstance u = store.instantiate(user, Imports.builder().instance("base", b).build());
    u.function("store").call(0xC0FFEE);
    assertThat(b.memory("memory").readInt(100)).isEqualTo(0xC0FFEE);
    assertThat(u.function("tick").call1()).isEqualTo(1);
    assertThat(b.function("tick").call1()).isEqualTo(2);
  }

  @Test
  void oneCompiledModuleManyStoresEachWithItsOwnState() {
    CoreModule counter =
        ENGINE.compile(
            "counter",
            Wat.wasm(
                """
                (module
                  (import "env" "seed" (func $seed (result i32)))
                  (global $n (mut i32) (i32.const 0))
                  (start $init)
                  (func $init (global.set $n (call $seed)))
                  (func (export "next") (result i32)
                    (global.set $n (i32.add (global.get $n) (i32.const 1)))
                    (global.get $n)))
                """));
    for (int k = 0; k < 20; k++) {
      int seed = k * 10;
      CoreInstance i =
          store().instantiate(
              counter,
              Imports.builder().function("env", "seed", FuncType.of(List.of(), List.of(I32)), a -> new long[] {seed}).build());
      assertThat(i.function("next").call1()).isEqualTo(seed + 1);
      assertThat(i.function("next").call1()).isEqualTo(seed + 2);
    }
  }

  @Test
  void onlyTheStartSectionRunsNotAnExportedStart() {
    // a component's core modules may export `_start` (wasi:cli/run's job, not instantiation's)
    CoreModule m =
        ENGINE.compile(
            "command",
            Wat.wasm(
                """
                (module
                  (global $ran (mut i32) (i32.const 0))
                  (start $init)
                  (func $init (global.set $ran (i32.const 1)))
                  (func (export "_start") unreachable)
                  (func (export "ran") (result i32) (global.get $ran)))
                """));
    assertThat(store().instantiate(m, Imports.none()).function("ran").call1()).isEqualTo(1);
  }

  @Test
  void importsAreCheckedBeforeGraalWasmSeesThem() {
    CoreModule m =
        ENGINE.compile(
            "needs",
            Wat.wasm(
                """
                (module
                  (import "env" "f" (func (param i32)))
                  (import "env" "memory" (memory 1)))
                """));
    CoreModule mem = ENGINE.compile("mem", Wat.wasm("(module (memory (export \"memory\") 1) (func (export \"f\") (param i32)))"));
    HostFunction nop = a -> null;
    CoreStore store = store();

    assertThatThrownBy(() -> store.instantiate(m, Imports.none()))
        .isInstanceOf(WasmLinkException.class)
        .hasMessageContaining("needs: import env.f (FUNCTION) is not given");
    assertThatThrownBy(
            () -> store.instantiate(m, Imports.builder().function("env", "f", FuncType.of(List.of(I64), List.of()), nop).build()))
        .isInstanceOf(WasmLinkException.class)
        .hasMessageContaining("import env.f is declared [I32] -> [], given a function of type [I64] -> []");
    CoreInstance other = store().instantiate(mem, Imports.none());
    assertThatThrownBy(
            () ->
                store.instantiate(
                    m,
                    Imports.builder()
                        .function("env", "f", FuncType.of(List.of(I32), List.of()), nop)
                        .extern("env", "memory", other.memory("memory"))
                        .build()))
        .isInstanceOf(WasmLinkException.class)
        .hasMessageContaining("of another store");
    CoreInstance same = store.instantiate(mem, Imports.none());
    assertThatThrownBy(
            () ->
                store.instantiate(
                    m,
                    Imports.builder()
                        .function("env", "f", FuncType.of(List.of(I32), List.of()), nop)
                        .extern("env", "memory", same.function("f"))
                        .build()))
        .isInstanceOf(WasmLinkException.class)
        .hasMessageContaining("import env.memory is a MEMORY, given a FUNCTION");
    // and the right imports link
    store.instantiate(
        m,
        Imports.builder()
            .function("env", "f", FuncType.of(List.of(I32), List.of()), nop)
            .extern("env", "memory", same.memory("memory"))
            .build());
  }
}
