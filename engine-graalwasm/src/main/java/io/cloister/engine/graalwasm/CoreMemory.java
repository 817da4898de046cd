package io.cloister.engine.graalwasm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.graalvm.polyglot.Value;

/**
 * An exported linear memory, read and written in bulk by the host. Not thread-safe: use it from
 * the thread that uses its store (inside a host function, or between calls).
 *
 * <p>With {@link GraalWasmEngine.MemoryAccess#DIRECT} it copies through a direct {@link
 * ByteBuffer} on GraalWasm's off-heap memory, fetched again whenever the memory's size changed
 * (growth may move it) and never handed out, and every access holds the store's access lock, so
 * that a concurrent {@link CoreStore#cancel} cannot free the memory under a copy. With {@link
 * GraalWasmEngine.MemoryAccess#POLYGLOT} reads use {@code Value.readBuffer} and writes {@code
 * Value.writeBufferLong} per eight bytes.
 */
public final class CoreMemory implements CoreExtern {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private final CoreInstance owner;
  private final String name;
  private final Value value;
  private final boolean direct;
  private ByteBuffer buffer; // little-endian view, DIRECT only; capacity = size when fetched

  CoreMemory(CoreInstance owner, String name, Value value, boolean direct) {
    this.owner = owner;
    this.name = name;
    this.value = value;
    this.direct = direct;
  }

  @Override
  public CoreInstance owner() {
    return owner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExternKind kind() {
    return ExternKind.MEMORY;
  }

  @Override
  public Value value() {
    return value;
  }

  /** Its current size in bytes. */
  public long byteSize() {
    long stamp = owner.store().beginAccess(owner.module().name(), name);
    try {
      return value.getBufferSize();
    } finally {
      owner.store().endAccess(stamp);
    }
  }

  /** Its current size in 64 KiB pages. */
  public long pages() {
    return byteSize() / MemoryLimits.PAGE_SIZE;
  }

  /** Copies {@code length} bytes at {@code offset} into {@code dst} from {@code dstOffset}. */
  public void read(long offset, byte[] dst, int dstOffset, int length) {
    java.util.Objects.checkFromIndexSize(dstOffset, length, dst.length);
    long stamp = owner.store().beginAccess(owner.module().name(), name);
    try {
      long size = value.getBufferSize();
      check(offset, length, size);
      if (direct) {
        buffer(size).get((int) offset, dst, dstOffset, length);
      } else {
        value.readBuffer(offset, dst, dstOffset, length);
      }
    } finally {
      owner.store().endAccess(stamp);
    }
  }

  /** {@code length} bytes at {@code offset}. */
  public byte[] read(long offset, int length) {
    byte[] out = new byte[length];
    read(offset, out, 0, length);
    return out;
  }

  /** Copies {@code length} bytes of {@code src} from {@code srcOffset} to {@code offset}. */
  public void write(long offset, byte[] src, int srcOffset, int length) {
    java.util.Objects.checkFromIndexSize(srcOffset, length, src.length);
    long stamp = owner.store().beginAccess(owner.module().name(), name);
    try {
      long size = value.getBufferSize();
      check(offset, length, size);
      if (direct) {
        buffer(size).put((int) offset, src, srcOffset, length);
      } else {
        ByteBuffer in = ByteBuffer.wrap(src, srcOffset, length).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
          value.writeBufferLong(ByteOrder.LITTLE_ENDIAN, offset + i, in.getLong(srcOffset + i));
        }
        for (; i < length; i++) {
          value.writeBufferByte(offset + i, src[srcOffset + i]);
        }
      }
    } finally {
      owner.store().endAccess(stamp);
    }
  }

  /** Copies all of {@code src} to {@code offset}. */
  public void write(long offset, byte[] src) {
    write(offset, src, 0, src.length);
  }

  /** The byte at {@code offset}. */
  public byte readByte(long offset) {
    long stamp = enter(offset, 1);
    try {
      return direct ? buffer.get((int) offset) : value.readBufferByte(offset);
    } finally {
      exit(stamp);
    }
  }

  /** Stores a byte at {@code offset}. */
  public void writeByte(long offset, byte v) {
    long stamp = enter(offset, 1);
    try {
      if (direct) {
        buffer.put((int) offset, v);
      } else {
        value.writeBufferByte(offset, v);
      }
    } finally {
      exit(stamp);
    }
  }

  /** The little-endian i16 at {@code offset}. */
  public short readShort(long offset) {
    long stamp = enter(offset, 2);
    try {
      return direct ? buffer.getShort((int) offset) : value.readBufferShort(LE, offset);
    } finally {
      exit(stamp);
    }
  }

  /** Stores a little-endian i16 at {@code offset}. */
  public void writeShort(long offset, short v) {
    long stamp = enter(offset, 2);
    try {
      if (direct) {
        buffer.putShort((int) offset, v);
      } else {
        value.writeBufferShort(LE, offset, v);
      }
    } finally {
      exit(stamp);
    }
  }

  /** The little-endian i32 at {@code offset}. */
  public int readInt(long offset) {
    long stamp = enter(offset, 4);
    try {
      return direct ? buffer.getInt((int) offset) : value.readBufferInt(LE, offset);
    } finally {
      exit(stamp);
    }
  }

  /** Stores a little-endian i32 at {@code offset}. */
  public void writeInt(long offset, int v) {
    long stamp = enter(offset, 4);
    try {
      if (direct) {
        buffer.putInt((int) offset, v);
      } else {
        value.writeBufferInt(LE, offset, v);
      }
    } finally {
      exit(stamp);
    }
  }

  /** The little-endian i64 at {@code offset}. */
  public long readLong(long offset) {
    long stamp = enter(offset, 8);
    try {
      return direct ? buffer.getLong((int) offset) : value.readBufferLong(LE, offset);
    } finally {
      exit(stamp);
    }
  }

  /** Stores a little-endian i64 at {@code offset}. */
  public void writeLong(long offset, long v) {
    long stamp = enter(offset, 8);
    try {
      if (direct) {
        buffer.putLong((int) offset, v);
      } else {
        value.writeBufferLong(LE, offset, v);
      }
    } finally {
      exit(stamp);
    }
  }

  /**
   * Takes the store's access lock for {@code length} bytes at {@code offset}, checks they lie in
   * the memory, and (direct access) brings {@link #buffer} up to the memory's size; returns the
   * lock's stamp for {@link #exit}.
   */
  private long enter(long offset, long length) {
    long stamp = owner.store().beginAccess(owner.module().name(), name);
    try {
      long size = value.getBufferSize();
      check(offset, length, size);
      if (direct) {
        buffer(size);
      }
      return stamp;
    } catch (RuntimeException e) {
      owner.store().endAccess(stamp);
      throw e;
    }
  }

  private void exit(long stamp) {
    owner.store().endAccess(stamp);
  }

  private void check(long offset, long length, long size) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new WasmMemoryAccessException(owner.module().name(), name, offset, length, size);
    }
  }

  /** The direct buffer for a memory of {@code size} bytes, fetched again if the memory grew. */
  private ByteBuffer buffer(long size) {
    ByteBuffer b = buffer;
    if (b == null || b.capacity() != size) {
      b = owner.store().byteBuffer(value).order(ByteOrder.LITTLE_ENDIAN);
      if (b.capacity() != size) {
        throw new IllegalStateException(
            "GraalWasm's buffer for memory " + name + " has " + b.capacity() + " bytes, the memory " + size);
      }
      buffer = b;
    }
    return b;
  }

  @Override
  public String toString() {
    return owner.module().name() + "." + name + "(memory)";
  }
}
