package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import io.cloister.component.engine.LinearMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A non-shared core linear memory in one byte array, exactly its pages long. Growth draws on the
 * component instance's {@link MemoryBudget}; a {@code memory.grow} it cannot cover returns -1.
 *
 * <p>One array rather than a page table, so a load or store costs one bounds check: the array's
 * own (the VarHandle's index check), whose {@link IndexOutOfBoundsException} (negative addresses
 * included) becomes the out-of-bounds trap, as in Chicory's own memories. The page table in front
 * of it cost about 30% of the JS app's CPU in memory access. The price: every initial page is
 * allocated and zeroed when the memory is made, and growth copies the array. Atomic operations use
 * the {@link Memory} defaults, serialized on this memory: a component's memories are not shared
 * between threads.
 */
public final class FlatMemory implements Memory, LinearMemory {
  private static final int SHIFT = 16;
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final MemoryLimits limits;
  private final MemoryBudget budget;
  private final int maximumPages;
  // Not volatile (unlike the volatile nPages of the paged memory this replaced): every access reads
  // it, and Chicory's memories do not pay a volatile read per access either (1.7.5's read their
  // final page table). A memory is used by one thread at a time; a pooled instance moves between
  // threads through the pool's concurrent deque, whose hand-over orders this thread's writes
  // (growth included) before the next user's reads.
  private byte[] bytes;
  private DataSegment[] dataSegments;

  /**
   * A memory of {@code limits} (maximum already within the budget's cap) drawing on {@code budget}.
   */
  FlatMemory(MemoryLimits limits, MemoryBudget budget) {
    if (limits.shared()) {
      throw new UnsupportedOperationException("shared memories (threads) are not supported");
    }
    this.limits = limits;
    this.budget = budget;
    this.maximumPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    if (limits.initialPages() > RUNTIME_MAX_PAGES) {
      // one Java array holds at most 2 GiB
      throw new UninstantiableException(
          "initial memory of "
              + limits.initialPages()
              + " pages is over this runtime's limit of "
              + RUNTIME_MAX_PAGES
              + " pages");
    }
    this.bytes = new byte[limits.initialPages() << SHIFT];
  }

  /**
   * A memory of {@code initialPages} that may grow to {@code maximumPages}, outside any component
   * instance's budget (for tests and benchmarks of the canonical ABI).
   */
  public static FlatMemory of(int initialPages, int maximumPages) {
    return new FlatMemory(
        new MemoryLimits(initialPages, maximumPages), new MemoryBudget(Long.MAX_VALUE));
  }

  // ---- size ----

  @Override
  public int pages() {
    return bytes.length >>> SHIFT;
  }

  @Override
  public int grow(int size) {
    byte[] b = bytes;
    int previous = b.length >>> SHIFT;
    if (size < 0 || size > maximumPages - previous || !budget.reserve(size)) {
      return -1;
    }
    if (size > 0) {
      bytes = Arrays.copyOf(b, (previous + size) << SHIFT);
    }
    return previous;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return maximumPages;
  }

  @Override
  public boolean shared() {
    return false;
  }

  // ---- bounds ----

  /** Traps unless {@code [addr, addr + size)} lies within {@code limit} bytes. */
  private static void check(
      int addr, int size, long limit, Function<String, ChicoryException> trap) {
    if (addr < 0 || size < 0 || (long) addr + size > limit) {
      throw trap.apply(outOfBoundsMessage(addr, size, limit));
    }
  }

  private static String outOfBoundsMessage(int addr, int size, long limit) {
    return "out of bounds memory access: attempted to access address: "
        + addr
        + " but limit is: "
        + limit
        + " and size: "
        + size;
  }

  /** The trap for a load or store whose array access threw. */
  private static WasmRuntimeException outOfBounds(int addr, int size, byte[] b) {
    return new WasmRuntimeException(outOfBoundsMessage(addr, size, b.length));
  }

  // ---- loads and stores ----

  @Override
  public byte read(int addr) {
    byte[] b = bytes;
    try {
      return b[addr];
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 1, b);
    }
  }

  @Override
  public short readShort(int addr) {
    byte[] b = bytes;
    try {
      return (short) SHORT.get(b, addr);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 2, b);
    }
  }

  @Override
  public long readU16(int addr) {
    return readShort(addr) & 0xFFFFL;
  }

  @Override
  public int readInt(int addr) {
    byte[] b = bytes;
    try {
      return (int) INT.get(b, addr);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 4, b);
    }
  }

  @Override
  public long readLong(int addr) {
    byte[] b = bytes;
    try {
      return (long) LONG.get(b, addr);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 8, b);
    }
  }

  @Override
  public long readF32(int addr) {
    return readInt(addr);
  }

  @Override
  public float readFloat(int addr) {
    return Float.intBitsToFloat(readInt(addr));
  }

  @Override
  public long readF64(int addr) {
    return readLong(addr);
  }

  @Override
  public double readDouble(int addr) {
    return Double.longBitsToDouble(readLong(addr));
  }

  @Override
  public void writeByte(int addr, byte data) {
    byte[] b = bytes;
    try {
      b[addr] = data;
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 1, b);
    }
  }

  @Override
  public void writeShort(int addr, short data) {
    byte[] b = bytes;
    try {
      SHORT.set(b, addr, data);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 2, b);
    }
  }

  @Override
  public void writeI32(int addr, int data) {
    byte[] b = bytes;
    try {
      INT.set(b, addr, data);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 4, b);
    }
  }

  @Override
  public void writeLong(int addr, long data) {
    byte[] b = bytes;
    try {
      LONG.set(b, addr, data);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(addr, 8, b);
    }
  }

  @Override
  public void writeF32(int addr, float data) {
    writeI32(addr, Float.floatToRawIntBits(data));
  }

  @Override
  public void writeF64(int addr, double data) {
    writeLong(addr, Double.doubleToRawLongBits(data));
  }

  // ---- bulk: explicit checks, so a trap leaves the memory untouched ----

  @Override
  public void write(int addr, byte[] data, int offset, int size) {
    byte[] b = bytes;
    check(offset, size, data.length, WasmRuntimeException::new);
    check(addr, size, b.length, WasmRuntimeException::new);
    System.arraycopy(data, offset, b, addr, size);
  }

  @Override
  public void write(int addr, byte[] data) {
    write(addr, data, 0, data.length);
  }

  @Override
  public byte[] readBytes(int addr, int len) {
    byte[] b = bytes;
    check(addr, len, b.length, WasmRuntimeException::new);
    return Arrays.copyOfRange(b, addr, addr + len);
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    byte[] b = bytes;
    check(fromIndex, toIndex - fromIndex, b.length, WasmRuntimeException::new);
    Arrays.fill(b, fromIndex, toIndex, value);
  }

  @Override
  public void zero() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public void copy(int dest, int src, int size) {
    byte[] b = bytes;
    check(dest, size, b.length, WasmRuntimeException::new);
    check(src, size, b.length, WasmRuntimeException::new);
    // arraycopy within one array copies as if through a temporary: overlaps either way are fine
    System.arraycopy(b, src, b, dest, size);
  }

  // ---- data segments ----

  @Override
  public void initialize(Instance instance, DataSegment[] segments) {
    initialize(instance, segments, 0);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
    this.dataSegments = segments;
    if (segments == null) {
      return;
    }
    for (DataSegment s : segments) {
      if (s instanceof ActiveDataSegment active && active.index() == memoryIndex) {
        int offset =
            (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
        byte[] data = active.data();
        check(offset, data.length, bytes.length, UninstantiableException::new);
        System.arraycopy(data, 0, bytes, offset, data.length);
      }
    }
  }

  @Override
  public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
    write(dest, dataSegments[segmentId].data(), offset, size);
  }

  @Override
  public void drop(int segment) {
    dataSegments[segment] = PassiveDataSegment.EMPTY;
  }

  // ---- threads: not shared, so atomics are plain accesses under this memory's monitor ----

  @Override
  @SuppressWarnings("removal")
  public Object lock(int address) {
    return this;
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, int expected, long timeout) {
    throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, long expected, long timeout) {
    throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int notify(int address, int maxThreads) {
    return 0;
  }
}
