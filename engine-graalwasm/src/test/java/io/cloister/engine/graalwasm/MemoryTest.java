package io.cloister.engine.graalwasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulk host access of linear memory (both access paths), growth, and the memory cap. */
class MemoryTest {
  static final GraalWasmEngine POLYGLOT =
      GraalWasmEngine.builder().memoryAccess(GraalWasmEngine.MemoryAccess.POLYGLOT).build();

  static final String SUM =
      """
      (module
        (memory (export "memory") 1)
        ;; sum of the bytes in [p, p+n), each times its index plus one: order matters
        (func (export "sum") (param $p i32) (param $n i32) (result i64) (local $i i32) (local $acc i64)
          (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $acc (i64.add (local.get $acc)
              (i64.mul (i64.extend_i32_u (i32.load8_u (i32.add (local.get $p) (local.get $i))))
                       (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
          (local.get $acc))
        ;; writes byte (i * 31 + seed) at p + i for i < n
        (func (export "fill") (param $p i32) (param $n i32) (param $seed i32) (local $i i32)
          (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (i32.store8 (i32.add (local.get $p) (local.get $i))
              (i32.add (i32.mul (local.get $i) (i32.const 31)) (local.get $seed)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next))))
        (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
        (func (export "size") (result i32) (memory.size))
        (func (export "load32") (param i32) (result i32) (i32.load (local.get 0)))
        (func (export "load64") (param i32) (result i64) (i64.load (local.get 0))))
      """;

  static GraalWasmEngine engine(GraalWasmEngine.MemoryAccess access) {
    return access == GraalWasmEngine.MemoryAccess.DIRECT ? GraalWasmEngine.shared() : POLYGLOT;
  }

  @AfterAll
  static void closePolyglot() {
    POLYGLOT.close();
  }

  @ParameterizedTest
  @EnumSource(GraalWasmEngine.MemoryAccess.class)
  void bulkWriteAndReadAgreeWithTheGuest(GraalWasmEngine.MemoryAccess access) {
    GraalWasmEngine engine = engine(access);
    CoreModule m = engine.compile("sum", Wat.wasm(SUM));
    try (CoreStore store = engine.newStore()) {
      CoreInstance i = store.instantiate(m, Imports.none());
      CoreMemory memory = i.memory("memory");
      byte[] data = new byte[60_001]; // not a multiple of 8: the polyglot path's tail
      new Random(42).nextBytes(data);
      memory.write(13, data);
      long expected = 0;
      for (int k = 0; k < data.length; k++) {
        expected += (long) (data[k] & 0xff) * (k + 1);
      }
      assertThat(i.function("sum").call1(13, data.length)).isEqualTo(expected);

      i.function("fill").call(7, 50_000, 5);
      byte[] back = memory.read(7, 50_000);
      for (int k = 0; k < back.length; k++) {
        assertThat(back[k]).isEqualTo((byte) (k * 31 + 5));
      }
      byte[] part = new byte[10];
      memory.read(7 + 3, part, 2, 5);
      assertThat(part[2]).isEqualTo((byte) (3 * 31 + 5));
      assertThat(part[0]).isZero();

      memory.writeInt(100, 0x11223344);
      assertThat(i.function("load32").call1(100)).isEqualTo(0x11223344);
      assertThat(memory.read(100, 1)[0]).isEqualTo((byte) 0x44); // little-endian
      memory.writeLong(200, 0x0102030405060708L);
      assertThat(i.function("load64").call1(200)).isEqualTo(0x0102030405060708L);
      assertThat(memory.readLong(200)).isEqualTo(0x0102030405060708L);
      assertThat(memory.readInt(204)).isEqualTo(0x01020304);
    }
  }

  @ParameterizedTest
  @EnumSource(GraalWasmEngine.MemoryAccess.class)
  void hostAccessFollowsGrowthAndStopsAtTheEnd(GraalWasmEngine.MemoryAccess access) {
    GraalWasmEngine engine = engine(access);
    CoreModule m = engine.compile("sum", Wat.wasm(SUM));
    try (CoreStore store = engine.newStore()) {
      CoreInstance i = store.instantiate(m, Imports.none());
      CoreMemory memory = i.memory("memory");
      memory.writeInt(0, 1); // the direct path fetches its buffer here
      assertThat(memory.byteSize()).isEqualTo(65536);
      assertThatThrownBy(() -> memory.writeInt(65534, 1))
          .isInstanceOf(WasmMemoryAccessException.class)
          .hasMessageContaining("host access of 4 bytes at 65534 is outside memory memory (65536 bytes)");

      assertThat(i.function("grow").call1(2)).isEqualTo(1);
      assertThat(memory.pages()).isEqualTo(3);
      memory.writeInt(3 * 65536 - 4, 0x5eed);
      assertThat(i.function("load32").call1(3 * 65536 - 4)).isEqualTo(0x5eed);
      assertThat(memory.readInt(0)).isEqualTo(1);
      assertThatThrownBy(() -> memory.read(-1, 2)).isInstanceOf(WasmMemoryAccessException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(GraalWasmEngine.MemoryAccess.class)
  void memoryGrowBeyondTheCapReturnsMinusOne(GraalWasmEngine.MemoryAccess access) {
    GraalWasmEngine engine = engine(access);
    // no maximum declared: without a cap GraalWasm would let it grow to its own limit
    CoreModule capped = engine.compile("sum", Wat.wasm(SUM), 4 * 65536 + 1000);
    assertThat(capped.info().memories().get(0).maximumPages()).isEmpty(); // as declared
    try (CoreStore store = engine.newStore()) {
      CoreInstance i = store.instantiate(capped, Imports.none());
      CoreFunction grow = i.function("grow");
      assertThat(grow.call1(2)).isEqualTo(1);
      assertThat(grow.call1(1)).isEqualTo(3);
      assertThat((int) grow.call1(1)).isEqualTo(-1); // 5 pages > 4
      assertThat((int) grow.call1(100_000)).isEqualTo(-1);
      assertThat(i.function("size").call1()).isEqualTo(4);
      assertThat(i.memory("memory").byteSize()).isEqualTo(4 * 65536);
    }
    CoreModule uncapped = engine.compile("sum", Wat.wasm(SUM));
    try (CoreStore store = engine.newStore()) {
      assertThat(store.instantiate(uncapped, Imports.none()).function("grow").call1(10)).isEqualTo(1);
    }
  }

  @Test
  void aLowerDeclaredMaximumStaysAndAnInitialSizeOverTheCapIsRefused() {
    GraalWasmEngine engine = GraalWasmEngine.shared();
    CoreModule m =
        engine.compile(
            "small",
            Wat.wasm("(module (memory 1 2) (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0))))"),
            64L << 20);
    try (CoreStore store = engine.newStore()) {
      CoreFunction grow = store.instantiate(m, Imports.none()).function("grow");
      assertThat(grow.call1(1)).isEqualTo(1);
      assertThat((int) grow.call1(1)).isEqualTo(-1);
    }
    assertThatThrownBy(() -> engine.compile("big", Wat.wasm("(module (memory 5))"), 4 * 65536))
        .isInstanceOf(WasmCompileException.class)
        .hasMessage(
            "big: memory 0 declares 5 initial pages (327680 bytes), over the cap of 4 pages (262144 bytes)");
  }

  @Test
  void capRewriteKeepsTheRestOfTheModule() {
    byte[] wasm = Wat.wasm(SUM);
    byte[] capped = WasmBinary.capMemories("sum", wasm, 7);
    assertThat(capped).isNotSameAs(wasm);
    ModuleInfo before = WasmBinary.read("sum", wasm);
    ModuleInfo after = WasmBinary.read("sum", capped);
    assertThat(after.exports()).isEqualTo(before.exports());
    assertThat(after.memories().get(0).maximumPages()).hasValue(7);
    assertThat(WasmBinary.capMemories("sum", capped, 7)).isSameAs(capped); // nothing to change
  }

  @Test
  void accessAfterCloseIsRefused() {
    GraalWasmEngine engine = GraalWasmEngine.shared();
    CoreStore store = engine.newStore();
    CoreMemory memory = store.instantiate(engine.compile("sum", Wat.wasm(SUM)), Imports.none()).memory("memory");
    memory.writeInt(0, 1);
    store.close();
    assertThatThrownBy(() -> memory.readInt(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the store is closed");
  }
}
