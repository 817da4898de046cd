package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.values.Value;

/** {@code flags}: a bit vector of 1, 2 or 4 bytes (at most 32 labels, as the spec requires). */
final class FlagsCodec extends Codec {
  private final long mask;

  FlagsCodec(String name, int labels) {
    super(name, sizeOf(labels), sizeOf(labels), new FlatType[] {FlatType.I32});
    this.mask = (1L << labels) - 1;
  }

  private static int sizeOf(int labels) {
    if (labels <= 0 || labels > 32) {
      throw new IllegalArgumentException("flags must have 1 to 32 labels, not " + labels);
    }
    return labels <= 8 ? 1 : labels <= 16 ? 2 : 4;
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return new Value.FlagsValue(src[pos] & mask);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    dst[pos] = (int) bits(v);
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    long raw =
        switch (size) {
          case 1 -> m.read(ptr);
          case 2 -> m.readShort(ptr);
          default -> m.readInt(ptr);
        };
    // Bits past the last label are ignored, as unpack_flags_from_int does.
    return new Value.FlagsValue(raw & mask);
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    long bits = bits(v);
    LinearMemory m = cx.memory();
    switch (size) {
      case 1 -> m.writeByte(ptr, (byte) bits);
      case 2 -> m.writeShort(ptr, (short) bits);
      default -> m.writeI32(ptr, (int) bits);
    }
  }

  private long bits(Value v) {
    if (v instanceof Value.FlagsValue f && (f.bits() & ~mask) == 0) {
      return f.bits();
    }
    throw mismatch(v);
  }
}
