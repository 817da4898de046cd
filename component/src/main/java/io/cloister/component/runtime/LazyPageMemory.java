package io.cloister.component.runtime;

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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A non-shared core linear memory of 64 KiB pages, each allocated on its first write: a page never
 * written is the shared, never-written {@link #ZEROS} page, so a module's initial memory (a Rust
 * module's 1 MiB stack region, mostly untouched) is not allocated up front. Growth draws on the
 * component instance's {@link MemoryBudget}; a {@code memory.grow} it cannot cover returns -1.
 *
 * <p>Slots past the current size are null, so an access within one page needs no bounds compare:
 * indexing the page table or a null page throws, and that is turned into the out-of-bounds trap (as
 * Chicory's own memories do). A store compares its page with {@link #ZEROS} first. Accesses that
 * straddle pages take the byte-wise slow path. Atomic operations use the {@link Memory} defaults,
 * serialized on this memory: a component's memories are not shared between threads.
 */
final class LazyPageMemory implements Memory {
  private static final int SHIFT = 16;
  private static final int MASK = PAGE_SIZE - 1;
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Every page not written yet; never written itself. */
  private static final byte[] ZEROS = new byte[PAGE_SIZE];

  private final MemoryLimits limits;
  private final MemoryBudget budget;
  private final byte[][] pages;
  // volatile like Chicory's own memories: an instance may move between threads (pooling)
  private volatile int nPages;
  private DataSegment[] dataSegments;

  /**
   * A memory of {@code limits} (maximum already within the budget's cap) drawing on {@code budget}.
   */
  LazyPageMemory(MemoryLimits limits, MemoryBudget budget) {
    if (limits.shared()) {
      throw new UnsupportedOperationException("shared memories (threads) are not supported");
    }
    this.limits = limits;
    this.budget = budget;
    this.pages = new byte[Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES)][];
    this.nPages = limits.initialPages();
    Arrays.fill(pages, 0, nPages, ZEROS);
  }

  // ---- size ----

  @Override
  public int pages() {
    return nPages;
  }

  @Override
  public int grow(int size) {
    int previous = nPages;
    if (size < 0 || size > pages.length - previous || !budget.reserve(size)) {
      return -1;
    }
    Arrays.fill(pages, previous, previous + size, ZEROS);
    nPages = previous + size;
    return previous;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return pages.length;
  }

  @Override
  public boolean shared() {
    return false;
  }

  private long sizeInBytes() {
    return (long) nPages << SHIFT;
  }

  // ---- pages ----

  /**
   * The page to write at {@code index}, allocated now if never written; null past the size, and an
   * index past the page table throws.
   */
  private byte[] writable(int index) {
    byte[] page = pages[index];
    if (page == ZEROS) {
      page = new byte[PAGE_SIZE];
      pages[index] = page;
    }
    return page;
  }

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

  private void check(int addr, int size) {
    check(addr, size, sizeInBytes(), WasmRuntimeException::new);
  }

  /** The trap for a fast-path access that indexed past the page table or hit a null page. */
  private WasmRuntimeException outOfBounds(int addr, int size) {
    return new WasmRuntimeException(outOfBoundsMessage(addr, size, sizeInBytes()));
  }

  /** {@code size} bytes at {@code addr}, little-endian, for accesses that straddle pages. */
  private long readSlow(int addr, int size) {
    check(addr, size);
    long value = 0;
    for (int i = size - 1; i >= 0; i--) {
      int a = addr + i;
      value = (value << 8) | (pages[a >>> SHIFT][a & MASK] & 0xFF);
    }
    return value;
  }

  private void writeSlow(int addr, int size, long value) {
    check(addr, size);
    for (int i = 0; i < size; i++) {
      int a = addr + i;
      writable(a >>> SHIFT)[a & MASK] = (byte) (value >>> (8 * i));
    }
  }

  /** Whether an access of {@code size} bytes at {@code addr} stays within one page. */
  private static boolean inOnePage(int addr, int size) {
    return (addr & MASK) <= PAGE_SIZE - size;
  }

  // ---- loads and stores ----

  @Override
  public byte read(int addr) {
    try {
      return pages[addr >>> SHIFT][addr & MASK];
    } catch (RuntimeException e) {
      throw outOfBounds(addr, 1);
    }
  }

  @Override
  public short readShort(int addr) {
    if (inOnePage(addr, 2)) {
      try {
        return (short) SHORT.get(pages[addr >>> SHIFT], addr & MASK);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 2);
      }
    }
    return (short) readSlow(addr, 2);
  }

  @Override
  public long readU16(int addr) {
    return readShort(addr) & 0xFFFFL;
  }

  @Override
  public int readInt(int addr) {
    if (inOnePage(addr, 4)) {
      try {
        return (int) INT.get(pages[addr >>> SHIFT], addr & MASK);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 4);
      }
    }
    return (int) readSlow(addr, 4);
  }

  @Override
  public long readLong(int addr) {
    if (inOnePage(addr, 8)) {
      try {
        return (long) LONG.get(pages[addr >>> SHIFT], addr & MASK);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 8);
      }
    }
    return readSlow(addr, 8);
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
    try {
      writable(addr >>> SHIFT)[addr & MASK] = data;
    } catch (RuntimeException e) {
      throw outOfBounds(addr, 1);
    }
  }

  @Override
  public void writeShort(int addr, short data) {
    if (inOnePage(addr, 2)) {
      try {
        SHORT.set(writable(addr >>> SHIFT), addr & MASK, data);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 2);
      }
    } else {
      writeSlow(addr, 2, data);
    }
  }

  @Override
  public void writeI32(int addr, int data) {
    if (inOnePage(addr, 4)) {
      try {
        INT.set(writable(addr >>> SHIFT), addr & MASK, data);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 4);
      }
    } else {
      writeSlow(addr, 4, data);
    }
  }

  @Override
  public void writeLong(int addr, long data) {
    if (inOnePage(addr, 8)) {
      try {
        LONG.set(writable(addr >>> SHIFT), addr & MASK, data);
      } catch (RuntimeException e) {
        throw outOfBounds(addr, 8);
      }
    } else {
      writeSlow(addr, 8, data);
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

  // ---- bulk ----

  @Override
  public void write(int addr, byte[] data, int offset, int size) {
    check(offset, size, data.length, WasmRuntimeException::new);
    check(addr, size);
    for (int done = 0; done < size; ) {
      int a = addr + done;
      int chunk = Math.min(size - done, PAGE_SIZE - (a & MASK));
      System.arraycopy(data, offset + done, writable(a >>> SHIFT), a & MASK, chunk);
      done += chunk;
    }
  }

  @Override
  public byte[] readBytes(int addr, int len) {
    check(addr, len);
    byte[] out = new byte[len];
    for (int done = 0; done < len; ) {
      int a = addr + done;
      int chunk = Math.min(len - done, PAGE_SIZE - (a & MASK));
      byte[] page = pages[a >>> SHIFT];
      if (page != ZEROS) {
        System.arraycopy(page, a & MASK, out, done, chunk);
      }
      done += chunk;
    }
    return out;
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    int size = toIndex - fromIndex;
    check(fromIndex, size);
    for (int done = 0; done < size; ) {
      int a = fromIndex + done;
      int chunk = Math.min(size - done, PAGE_SIZE - (a & MASK));
      if (value != 0 || pages[a >>> SHIFT] != ZEROS) {
        Arrays.fill(writable(a >>> SHIFT), a & MASK, (a & MASK) + chunk, value);
      }
      done += chunk;
    }
  }

  @Override
  public void zero() {
    Arrays.fill(pages, 0, nPages, ZEROS);
  }

  @Override
  public void copy(int dest, int src, int size) {
    check(dest, size);
    check(src, size);
    boolean backward = dest > src && dest - src < size;
    for (int done = 0; done < size; ) {
      int remaining = size - done;
      int chunk;
      int d;
      int s;
      if (backward) {
        // the chunk that ends at dest + remaining, so overlapping bytes are read before written
        int dEnd = dest + remaining;
        int sEnd = src + remaining;
        int dRoom = ((dEnd - 1) & MASK) + 1;
        int sRoom = ((sEnd - 1) & MASK) + 1;
        chunk = Math.min(remaining, Math.min(dRoom, sRoom));
        d = dEnd - chunk;
        s = sEnd - chunk;
      } else {
        d = dest + done;
        s = src + done;
        chunk = Math.min(remaining, PAGE_SIZE - Math.max(d & MASK, s & MASK));
      }
      byte[] from = pages[s >>> SHIFT];
      if (from != ZEROS || pages[d >>> SHIFT] != ZEROS) {
        System.arraycopy(from, s & MASK, writable(d >>> SHIFT), d & MASK, chunk);
      }
      done += chunk;
    }
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
        check(offset, active.data().length, sizeInBytes(), UninstantiableException::new);
        write(offset, active.data(), 0, active.data().length);
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
