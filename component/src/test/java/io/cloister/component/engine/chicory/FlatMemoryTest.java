package io.cloister.component.engine.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import io.cloister.component.runtime.EngineOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatMemory} against a plain byte array as the model: accesses at page boundaries, bounds,
 * overlapping copies, fills, growth within the maximum and the budget, data segments.
 */
class FlatMemoryTest {
  private static final int PAGE = Memory.PAGE_SIZE;

  private static FlatMemory memory(int initial, int maximum) {
    return new FlatMemory(
        new MemoryLimits(initial, maximum), new MemoryBudget(EngineOptions.NO_MEMORY_CAP));
  }

  /** An active segment for memory 0 at the constant {@code offset}. */
  private static ActiveDataSegment active(int offset, byte... data) {
    return new ActiveDataSegment(
        0, List.of(new Instruction(0, OpCode.I32_CONST, new long[] {offset})), data);
  }

  @Test
  void newMemoryReadsAsZeros() {
    FlatMemory m = memory(3, 10);
    assertThat(m.pages()).isEqualTo(3);
    assertThat(m.readLong(PAGE + 8)).isZero();
    assertThat(m.readInt(2 * PAGE - 2)).isZero();
    assertThat(m.readBytes(0, 3 * PAGE)).containsOnly(0);
    assertThat(m.read(3 * PAGE - 1)).isZero();
  }

  @Test
  void loadsAndStoresEveryWidthAcrossPageBoundaries() {
    FlatMemory m = memory(2, 2);
    for (int at = PAGE - 8; at <= PAGE; at++) {
      m.writeLong(at, 0x0102030405060708L);
      assertThat(m.readLong(at)).isEqualTo(0x0102030405060708L);
      assertThat(m.readInt(at)).isEqualTo(0x05060708);
      assertThat(m.readShort(at)).isEqualTo((short) 0x0708);
      assertThat(m.readU16(at + 6)).isEqualTo(0x0102);
      assertThat(m.read(at + 7)).isEqualTo((byte) 1);
      m.writeI32(at, -2);
      assertThat(m.readU32(at)).isEqualTo(0xFFFFFFFEL);
      m.writeShort(at, (short) -3);
      assertThat(m.readU16(at)).isEqualTo(0xFFFD);
      m.writeByte(at, (byte) -4);
      assertThat(m.readU8(at)).isEqualTo(0xFC);
      m.writeF32(at, 1.5f);
      assertThat(m.readFloat(at)).isEqualTo(1.5f);
      assertThat(m.readF32(at)).isEqualTo(Float.floatToRawIntBits(1.5f));
      m.writeF64(at, -2.25);
      assertThat(m.readDouble(at)).isEqualTo(-2.25);
      assertThat(m.readF64(at)).isEqualTo(Double.doubleToRawLongBits(-2.25));
    }
  }

  @Test
  void accessesOutsideTheMemoryTrap() {
    FlatMemory m = memory(1, 4);
    int end = PAGE;
    for (int width = 1; width <= 8; width *= 2) {
      for (int at : new int[] {end - width + 1, end, -1, -width, Integer.MIN_VALUE}) {
        int a = at;
        int w = width;
        assertThatThrownBy(() -> load(m, a, w))
            .as("load of %d bytes at %d", w, a)
            .isInstanceOf(WasmRuntimeException.class)
            .hasMessage(
                "out of bounds memory access: attempted to access address: "
                    + a
                    + " but limit is: "
                    + end
                    + " and size: "
                    + w);
        assertThatThrownBy(() -> store(m, a, w))
            .as("store of %d bytes at %d", w, a)
            .isInstanceOf(WasmRuntimeException.class)
            .hasMessageStartingWith(
                "out of bounds memory access: attempted to access address: " + a + " ");
      }
      assertThat(load(m, end - width, width)).isZero();
    }
    assertThatThrownBy(() -> m.readBytes(end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.readBytes(-1, 1)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.readBytes(0, -1)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.write(end, new byte[1])).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.write(0, new byte[4], 2, 3))
        .as("past the source array")
        .isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.copy(0, end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.copy(end - 1, 0, 2)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.copy(Integer.MIN_VALUE, 0, 1))
        .isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.fill((byte) 1, end - 1, end + 1))
        .isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.fill((byte) 1, -1, 1)).isInstanceOf(WasmRuntimeException.class);
    assertThat(m.readBytes(0, end)).as("a trapped bulk operation wrote nothing").containsOnly(0);
    m.write(end, new byte[0]);
    m.copy(end, 0, 0);
    m.fill((byte) 1, end, end);
    assertThat(m.readBytes(end, 0)).isEmpty();
  }

  private static long load(Memory m, int addr, int width) {
    return switch (width) {
      case 1 -> m.read(addr);
      case 2 -> m.readShort(addr);
      case 4 -> m.readInt(addr);
      default -> m.readLong(addr);
    };
  }

  private static void store(Memory m, int addr, int width) {
    switch (width) {
      case 1 -> m.writeByte(addr, (byte) 1);
      case 2 -> m.writeShort(addr, (short) 1);
      case 4 -> m.writeI32(addr, 1);
      default -> m.writeLong(addr, 1);
    }
  }

  @Test
  void growthExtendsTheBoundsUpToTheMaximum() {
    FlatMemory m = memory(1, 3);
    assertThatThrownBy(() -> m.readInt(2 * PAGE - 4)).isInstanceOf(WasmRuntimeException.class);
    assertThat(m.grow(1)).isEqualTo(1);
    m.writeI32(2 * PAGE - 4, 42);
    assertThat(m.readInt(2 * PAGE - 4)).isEqualTo(42);
    assertThat(m.grow(2)).isEqualTo(-1);
    assertThat(m.grow(-1)).isEqualTo(-1);
    assertThat(m.grow(Integer.MIN_VALUE)).isEqualTo(-1);
    assertThat(m.grow(0)).isEqualTo(2);
    assertThat(m.grow(1)).isEqualTo(2);
    assertThat(m.pages()).isEqualTo(3);
    assertThat(m.maximumPages()).isEqualTo(3);
    assertThat(m.initialPages()).isEqualTo(1);
    assertThat(m.grow(1)).isEqualTo(-1);
    assertThatThrownBy(() -> m.read(3 * PAGE)).isInstanceOf(WasmRuntimeException.class);
  }

  @Test
  void theMaximumIsChicorysRuntimeMaximumAtMost() {
    assertThat(memory(0, 65536).maximumPages()).isEqualTo(Memory.RUNTIME_MAX_PAGES);
    assertThat(memory(0, 65536).grow(Memory.RUNTIME_MAX_PAGES + 1)).isEqualTo(-1);
  }

  @Test
  void anInitialSizeOverTheRuntimeMaximumFailsInstantiation() {
    assertThatThrownBy(() -> memory(Memory.RUNTIME_MAX_PAGES + 1, 65536))
        .isInstanceOf(UninstantiableException.class)
        .hasMessageContaining((Memory.RUNTIME_MAX_PAGES + 1) + " pages");
  }

  @Test
  void growthKeepsTheContentsAndTheNewPagesReadAsZeros() {
    FlatMemory m = memory(1, 4);
    byte[] data = new byte[PAGE];
    new Random(7).nextBytes(data);
    m.write(0, data);
    assertThat(m.grow(2)).isEqualTo(1);
    assertThat(m.readBytes(0, PAGE)).isEqualTo(data);
    assertThat(m.readBytes(PAGE, 2 * PAGE)).containsOnly(0);
    assertThat(m.readLong(3 * PAGE - 8)).isZero();
  }

  @Test
  void growthTheBudgetRefusesChangesNothing() {
    MemoryBudget budget = new MemoryBudget(3L * PAGE);
    assertThat(budget.reserve(2)).isTrue(); // as MemoryBudget.newMemory does for the initial pages
    FlatMemory m = new FlatMemory(new MemoryLimits(2, 10), budget);
    m.writeLong(2 * PAGE - 8, 0x1122334455667788L);

    assertThat(m.grow(2)).as("over the budget, within the maximum").isEqualTo(-1);
    assertThat(m.pages()).isEqualTo(2);
    assertThat(m.readLong(2 * PAGE - 8)).isEqualTo(0x1122334455667788L);
    assertThatThrownBy(() -> m.read(2 * PAGE)).isInstanceOf(WasmRuntimeException.class);

    assertThat(m.grow(1)).as("what is left").isEqualTo(2);
    assertThat(m.readLong(2 * PAGE - 8)).isEqualTo(0x1122334455667788L);
    assertThat(m.grow(1)).isEqualTo(-1);
    assertThat(m.pages()).isEqualTo(3);
  }

  @Test
  void bulkOperationsMatchAByteArray() {
    int size = 4 * PAGE;
    FlatMemory m = memory(4, 4);
    byte[] model = new byte[size];
    Random random = new Random(20261125);
    int forward = 0;
    int backward = 0;
    for (int round = 0; round < 2000; round++) {
      int len = random.nextInt(3 * PAGE / 2);
      int a = random.nextInt(size - len + 1);
      int b = random.nextInt(size - len + 1);
      switch (random.nextInt(5)) {
        case 0 -> {
          byte[] data = new byte[len + 10];
          random.nextBytes(data);
          int offset = random.nextInt(11);
          m.write(a, data, offset, len);
          System.arraycopy(data, offset, model, a, len);
        }
        case 1 -> {
          if (Math.abs(a - b) < len) {
            if (a > b) {
              backward++;
            } else {
              forward++;
            }
          }
          m.copy(a, b, len);
          System.arraycopy(model, b, model, a, len);
        }
        case 2 -> {
          // an overlapping copy by a few bytes, either way
          int shift = random.nextInt(17) - 8;
          int from = Math.max(0, Math.min(size - len, a + shift));
          m.copy(a, from, len);
          System.arraycopy(model, from, model, a, len);
        }
        case 3 -> {
          byte value = (byte) (random.nextInt(3) - 1);
          m.fill(value, a, a + len);
          Arrays.fill(model, a, a + len, value);
        }
        default -> {
          int at = random.nextInt(size - 7);
          long value = random.nextLong();
          m.writeLong(at, value);
          for (int i = 0; i < 8; i++) {
            model[at + i] = (byte) (value >>> (8 * i));
          }
        }
      }
      if (round % 100 == 0) {
        assertThat(m.readBytes(0, size)).as("round " + round).isEqualTo(model);
        int at = random.nextInt(size - len + 1);
        assertThat(m.readBytes(at, len)).isEqualTo(Arrays.copyOfRange(model, at, at + len));
      }
    }
    assertThat(forward).as("overlapping forward copies").isPositive();
    assertThat(backward).as("overlapping backward copies").isPositive();
    assertThat(m.readBytes(0, size)).isEqualTo(model);
    m.zero();
    assertThat(m.pages()).isEqualTo(4);
    assertThat(m.readBytes(0, size)).containsOnly(0);
  }

  @Test
  void activeDataSegmentsAreWrittenAtInstantiation() {
    FlatMemory m = memory(2, 2);
    DataSegment[] segments = {
      active(PAGE - 2, (byte) 1, (byte) 2, (byte) 3, (byte) 4),
      new PassiveDataSegment(new byte[] {9}),
      new ActiveDataSegment(
          1, List.of(new Instruction(0, OpCode.I32_CONST, new long[] {0})), new byte[] {7}),
      active(2 * PAGE - 1, (byte) 5),
    };
    m.initialize(null, segments);
    assertThat(m.readInt(PAGE - 2)).isEqualTo(0x04030201);
    assertThat(m.read(2 * PAGE - 1)).isEqualTo((byte) 5);
    assertThat(m.read(0)).as("another memory's segment").isZero();

    FlatMemory other = memory(1, 1);
    other.initialize(null, segments, 1);
    assertThat(other.read(0)).isEqualTo((byte) 7);
  }

  @Test
  void anActiveDataSegmentOutOfBoundsFailsInstantiation() {
    FlatMemory m = memory(1, 2);
    DataSegment[] straddling = {active(PAGE - 1, (byte) 1, (byte) 2)};
    assertThatThrownBy(() -> m.initialize(null, straddling))
        .isInstanceOf(UninstantiableException.class)
        .hasMessageContaining("out of bounds memory access");
    assertThatThrownBy(() -> m.initialize(null, new DataSegment[] {active(-1, (byte) 1)}))
        .isInstanceOf(UninstantiableException.class);
    assertThat(m.readBytes(0, PAGE)).containsOnly(0);
    m.initialize(null, new DataSegment[] {active(PAGE)});
    m.initialize(null, null);
  }

  @Test
  void passiveSegmentsInitializeUntilDropped() {
    FlatMemory m = memory(1, 1);
    m.initialize(null, new DataSegment[] {new PassiveDataSegment(new byte[] {1, 2, 3, 4, 5})});
    assertThat(m.readBytes(0, PAGE))
        .as("passive segments are not written at instantiation")
        .containsOnly(0);

    m.initPassiveSegment(0, PAGE - 3, 1, 3);
    assertThat(m.readBytes(PAGE - 3, 3)).containsExactly(2, 3, 4);
    assertThatThrownBy(() -> m.initPassiveSegment(0, 0, 3, 3))
        .as("past the segment")
        .isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.initPassiveSegment(0, PAGE - 1, 0, 2))
        .as("past the memory")
        .isInstanceOf(WasmRuntimeException.class);
    m.initPassiveSegment(0, PAGE, 5, 0);

    m.drop(0);
    m.initPassiveSegment(0, 0, 0, 0);
    assertThatThrownBy(() -> m.initPassiveSegment(0, 0, 0, 1))
        .as("a dropped segment is empty")
        .isInstanceOf(WasmRuntimeException.class);
    assertThat(m.readBytes(0, 3)).containsOnly(0);
  }

  @Test
  void sharedMemoriesAreRefused() {
    assertThatThrownBy(
            () ->
                new FlatMemory(
                    new MemoryLimits(1, 1, true), new MemoryBudget(EngineOptions.NO_MEMORY_CAP)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
