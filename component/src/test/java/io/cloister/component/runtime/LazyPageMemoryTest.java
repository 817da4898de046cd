package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LazyPageMemory} against a plain byte array as the model: page-straddling accesses,
 * untouched pages reading as zeros, bounds, overlapping copies, fills, growth.
 */
class LazyPageMemoryTest {
  private static final int PAGE = Memory.PAGE_SIZE;

  private static LazyPageMemory memory(int initial, int maximum) {
    return new LazyPageMemory(
        new MemoryLimits(initial, maximum), new MemoryBudget(EngineOptions.NO_MEMORY_CAP));
  }

  @Test
  void untouchedPagesReadAsZeros() {
    LazyPageMemory m = memory(3, 10);
    assertThat(m.readLong(PAGE + 8)).isZero();
    assertThat(m.readInt(2 * PAGE - 2)).as("straddling two untouched pages").isZero();
    assertThat(m.readBytes(PAGE - 4, 8)).containsOnly(0);
    assertThat(m.read(3 * PAGE - 1)).isZero();
  }

  @Test
  void loadsAndStoresEveryWidthAcrossPageBoundaries() {
    LazyPageMemory m = memory(2, 2);
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
      m.writeF32(at, 1.5f);
      assertThat(m.readFloat(at)).isEqualTo(1.5f);
      m.writeF64(at, -2.25);
      assertThat(m.readDouble(at)).isEqualTo(-2.25);
      assertThat(m.readF64(at)).isEqualTo(Double.doubleToRawLongBits(-2.25));
    }
  }

  @Test
  void accessesOutsideTheMemoryTrap() {
    LazyPageMemory m = memory(1, 4);
    int end = PAGE;
    assertThatThrownBy(() -> m.readInt(end - 3)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.writeLong(end - 7, 1)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.read(end)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.writeByte(-1, (byte) 1)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.readLong(Integer.MIN_VALUE))
        .isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.readBytes(end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.write(end, new byte[1])).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.copy(0, end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
    assertThatThrownBy(() -> m.fill((byte) 1, end - 1, end + 1))
        .isInstanceOf(WasmRuntimeException.class);
    assertThat(m.readInt(end - 4)).isZero();
    m.write(end, new byte[0]);
    m.copy(end, 0, 0);
  }

  @Test
  void growthExtendsTheBoundsUpToTheMaximum() {
    LazyPageMemory m = memory(1, 3);
    assertThat(m.grow(1)).isEqualTo(1);
    m.writeI32(2 * PAGE - 4, 42);
    assertThat(m.readInt(2 * PAGE - 4)).isEqualTo(42);
    assertThat(m.grow(2)).isEqualTo(-1);
    assertThat(m.grow(-1)).isEqualTo(-1);
    assertThat(m.grow(1)).isEqualTo(2);
    assertThat(m.pages()).isEqualTo(3);
    assertThat(m.maximumPages()).isEqualTo(3);
  }

  @Test
  void bulkOperationsMatchAByteArray() {
    int size = 4 * PAGE;
    LazyPageMemory m = memory(4, 4);
    byte[] model = new byte[size];
    Random random = new Random(20261125);
    for (int round = 0; round < 2000; round++) {
      int len = random.nextInt(3 * PAGE / 2);
      int a = random.nextInt(size - len + 1);
      int b = random.nextInt(size - len + 1);
      switch (random.nextInt(4)) {
        case 0 -> {
          byte[] data = new byte[len];
          random.nextBytes(data);
          m.write(a, data);
          System.arraycopy(data, 0, model, a, len);
        }
        case 1 -> {
          m.copy(a, b, len);
          System.arraycopy(model, b, model, a, len);
        }
        case 2 -> {
          byte value = (byte) (random.nextInt(3) - 1); // zeros often: the lazy path
          m.fill(value, a, a + len);
          java.util.Arrays.fill(model, a, a + len, value);
        }
        default -> {
          int at = random.nextInt(size - 8);
          long value = random.nextLong();
          m.writeLong(at, value);
          for (int i = 0; i < 8; i++) {
            model[at + i] = (byte) (value >>> (8 * i));
          }
        }
      }
      if (round % 100 == 0) {
        assertThat(m.readBytes(0, size)).as("round " + round).isEqualTo(model);
      }
    }
    assertThat(m.readBytes(0, size)).isEqualTo(model);
    assertThat(memory(4, 4).readBytes(0, size)).as("the shared zero page").containsOnly(0);
    m.zero();
    assertThat(m.readBytes(0, size)).containsOnly(0);
  }

  @Test
  void copiesFromUntouchedPagesClearTheTarget() {
    LazyPageMemory m = memory(3, 3);
    m.fill((byte) 9, 0, PAGE);
    m.copy(10, 2 * PAGE, 100);
    assertThat(m.readBytes(10, 100)).containsOnly(0);
    assertThat(m.read(9)).isEqualTo((byte) 9);
    assertThat(m.read(110)).isEqualTo((byte) 9);
  }
}
