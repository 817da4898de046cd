package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.values.Value;
import java.util.Optional;

/**
 * {@code variant} and the types the spec despecializes to it ({@code enum}, {@code option}, {@code
 * result}): a discriminant of 1, 2 or 4 bytes, then the payload at the largest case alignment.
 * Flat, the payload slots are the cases' flattenings joined slot by slot.
 */
final class VariantCodec extends Codec {

  /** Which {@link Value} shape this variant type uses. */
  enum Shape {
    VARIANT,
    ENUM,
    OPTION,
    RESULT
  }

  private final Shape shape;
  private final Codec[] cases;
  private final int discriminantSize;
  private final int payloadOffset;
  /** Per case, the payload slots that need zero-extending from 32 to 64 bits when lowered. */
  private final boolean[][] widen;

  VariantCodec(String name, Shape shape, Codec[] cases) {
    this(name, shape, cases, layout(cases));
  }

  private VariantCodec(String name, Shape shape, Codec[] cases, int[] layout) {
    super(name, layout[0], layout[1], joinedFlat(cases));
    this.shape = shape;
    this.cases = cases;
    this.discriminantSize = layout[2];
    this.payloadOffset = layout[3];
    this.widen = new boolean[cases.length][];
    for (int c = 0; c < cases.length; c++) {
      Codec p = cases[c];
      widen[c] = new boolean[p == null ? 0 : p.flat.length];
      for (int j = 0; p != null && j < p.flat.length; j++) {
        widen[c][j] = flat[1 + j] == FlatType.I64 && p.flat[j].is32();
      }
    }
  }

  /** {size, alignment, discriminant size, payload offset}. */
  private static int[] layout(Codec[] cases) {
    int n = cases.length;
    int disc = n <= 256 ? 1 : n <= 65536 ? 2 : 4;
    int maxCaseAlignment = 1;
    int maxCaseSize = 0;
    for (Codec c : cases) {
      if (c != null) {
        maxCaseAlignment = Math.max(maxCaseAlignment, c.alignment);
        maxCaseSize = Math.max(maxCaseSize, c.size);
      }
    }
    int alignment = Math.max(disc, maxCaseAlignment);
    int payloadOffset = alignTo(disc, maxCaseAlignment);
    int size = alignTo(payloadOffset + maxCaseSize, alignment);
    return new int[] {size, alignment, disc, payloadOffset};
  }

  private static FlatType[] joinedFlat(Codec[] cases) {
    int width = 0;
    for (Codec c : cases) {
      if (c != null) {
        width = Math.max(width, c.flat.length);
      }
    }
    FlatType[] flat = new FlatType[1 + width];
    flat[0] = FlatType.I32;
    for (Codec c : cases) {
      for (int j = 0; c != null && j < c.flat.length; j++) {
        flat[1 + j] = flat[1 + j] == null ? c.flat[j] : FlatType.join(flat[1 + j], c.flat[j]);
      }
    }
    return flat;
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    int index = checkIndex((int) src[pos]);
    Codec p = cases[index];
    // Reading a 32-bit value from the low half of an i64 slot is the spec's wrap/reinterpret.
    return wrap(index, p == null ? null : p.liftFlat(cx, src, pos + 1));
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    int index = caseIndex(v);
    Value payload = payload(v, index);
    dst[pos] = index;
    Codec p = cases[index];
    int used = 0;
    if (p != null) {
      p.lowerFlat(cx, payload, dst, pos + 1);
      boolean[] w = widen[index];
      for (int j = 0; j < w.length; j++) {
        if (w[j]) {
          dst[pos + 1 + j] &= 0xffff_ffffL;
        }
      }
      used = p.flat.length;
    }
    for (int j = 1 + used; j < flat.length; j++) {
      dst[pos + j] = 0;
    }
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    int raw =
        switch (discriminantSize) {
          case 1 -> m.read(ptr) & 0xff;
          case 2 -> m.readShort(ptr) & 0xffff;
          default -> m.readInt(ptr);
        };
    int index = checkIndex(raw);
    Codec p = cases[index];
    return wrap(index, p == null ? null : p.load(cx, ptr + payloadOffset));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    int index = caseIndex(v);
    Value payload = payload(v, index);
    LinearMemory m = cx.memory();
    switch (discriminantSize) {
      case 1 -> m.writeByte(ptr, (byte) index);
      case 2 -> m.writeShort(ptr, (short) index);
      default -> m.writeI32(ptr, index);
    }
    Codec p = cases[index];
    if (p != null) {
      p.store(cx, payload, ptr + payloadOffset);
    }
  }

  private int checkIndex(int raw) {
    if (Integer.compareUnsigned(raw, cases.length) >= 0) {
      throw new CanonicalAbiTrap(
          "discriminant " + Integer.toUnsignedString(raw) + " is out of range for " + name
              + " with " + cases.length + " cases");
    }
    return raw;
  }

  private Value wrap(int index, Value payload) {
    Optional<Value> p = Optional.ofNullable(payload);
    return switch (shape) {
      case VARIANT -> new Value.VariantValue(index, p);
      case ENUM -> new Value.EnumValue(index);
      case OPTION -> new Value.OptionValue(p);
      case RESULT -> new Value.ResultValue(index == 0, p);
    };
  }

  private int caseIndex(Value v) {
    int index =
        switch (shape) {
          case VARIANT -> v instanceof Value.VariantValue x ? x.caseIndex() : -1;
          case ENUM -> v instanceof Value.EnumValue x ? x.index() : -1;
          case OPTION -> v instanceof Value.OptionValue x ? (x.value().isPresent() ? 1 : 0) : -1;
          case RESULT -> v instanceof Value.ResultValue x ? (x.isOk() ? 0 : 1) : -1;
        };
    if (index < 0 || index >= cases.length) {
      throw mismatch(v);
    }
    return index;
  }

  private Value payload(Value v, int index) {
    Optional<Value> p =
        switch (v) {
          case Value.VariantValue x -> x.payload();
          case Value.OptionValue x -> x.value();
          case Value.ResultValue x -> x.payload();
          default -> Optional.empty();
        };
    if (p.isPresent() != (cases[index] != null)) {
      throw new ValueMismatchException(
          name + " case " + index + (cases[index] == null ? " has no payload" : " needs a payload")
              + ", got " + v);
    }
    return p.orElse(null);
  }
}
