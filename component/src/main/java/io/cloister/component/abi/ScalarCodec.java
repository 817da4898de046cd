package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.values.Value;

/** Booleans, integers, floats and {@code char}: one flat slot, a fixed-size memory cell. */
final class ScalarCodec extends Codec {
  private static final int CANONICAL_F32_NAN = 0x7fc00000;
  private static final long CANONICAL_F64_NAN = 0x7ff8000000000000L;

  private final PrimitiveType kind;

  ScalarCodec(PrimitiveType kind) {
    super(kind.witName(), sizeOf(kind), sizeOf(kind), new FlatType[] {flatOf(kind)});
    this.kind = kind;
  }

  private static int sizeOf(PrimitiveType kind) {
    return switch (kind) {
      case BOOL, S8, U8 -> 1;
      case S16, U16 -> 2;
      case S32, U32, F32, CHAR -> 4;
      case S64, U64, F64 -> 8;
      case STRING -> throw new IllegalArgumentException("string is not a scalar");
    };
  }

  private static FlatType flatOf(PrimitiveType kind) {
    return switch (kind) {
      case S64, U64 -> FlatType.I64;
      case F32 -> FlatType.F32;
      case F64 -> FlatType.F64;
      default -> FlatType.I32;
    };
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return fromBits(src[pos]);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    dst[pos] = toBits(v);
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    long bits =
        switch (size) {
          case 1 -> m.read(ptr);
          case 2 -> m.readShort(ptr);
          case 4 -> m.readInt(ptr);
          default -> m.readLong(ptr);
        };
    if (kind == PrimitiveType.BOOL) {
      bits &= 0xff; // load_int is unsigned: any non-zero byte is true
    }
    return fromBits(bits);
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    LinearMemory m = cx.memory();
    long bits = toBits(v);
    switch (size) {
      case 1 -> m.writeByte(ptr, (byte) bits);
      case 2 -> m.writeShort(ptr, (short) bits);
      case 4 -> m.writeI32(ptr, (int) bits);
      default -> m.writeLong(ptr, bits);
    }
  }

  /** Lifts core bits, truncating integers to the type's width as {@code lift_flat_*} does. */
  Value fromBits(long bits) {
    return switch (kind) {
      case BOOL -> new Value.Bool((int) bits != 0);
      case S8 -> new Value.S8((byte) bits);
      case U8 -> new Value.U8((int) bits & 0xff);
      case S16 -> new Value.S16((short) bits);
      case U16 -> new Value.U16((int) bits & 0xffff);
      case S32 -> new Value.S32((int) bits);
      case U32 -> new Value.U32((int) bits);
      case S64 -> new Value.S64(bits);
      case U64 -> new Value.U64(bits);
      case F32 -> new Value.F32(canonicalF32(Float.intBitsToFloat((int) bits)));
      case F64 -> new Value.F64(canonicalF64(Double.longBitsToDouble(bits)));
      case CHAR -> new Value.Char(checkChar((int) bits));
      case STRING -> throw new IllegalStateException();
    };
  }

  /** Lowers to core bits; an i32 is sign-extended into the long, floats are their raw bits. */
  long toBits(Value v) {
    switch (kind) {
      case BOOL:
        if (v instanceof Value.Bool b) {
          return b.value() ? 1 : 0;
        }
        break;
      case S8:
        if (v instanceof Value.S8 x) {
          return x.value();
        }
        break;
      case U8:
        if (v instanceof Value.U8 x) {
          return x.value();
        }
        break;
      case S16:
        if (v instanceof Value.S16 x) {
          return x.value();
        }
        break;
      case U16:
        if (v instanceof Value.U16 x) {
          return x.value();
        }
        break;
      case S32:
        if (v instanceof Value.S32 x) {
          return x.value();
        }
        break;
      case U32:
        if (v instanceof Value.U32 x) {
          return x.value();
        }
        break;
      case S64:
        if (v instanceof Value.S64 x) {
          return x.value();
        }
        break;
      case U64:
        if (v instanceof Value.U64 x) {
          return x.value();
        }
        break;
      case F32:
        if (v instanceof Value.F32 x) {
          // Lowering may choose any NaN: we pass the canonical one (deterministic profile).
          return Float.floatToRawIntBits(canonicalF32(x.value()));
        }
        break;
      case F64:
        if (v instanceof Value.F64 x) {
          return Double.doubleToRawLongBits(canonicalF64(x.value()));
        }
        break;
      case CHAR:
        if (v instanceof Value.Char x) {
          return x.codePoint();
        }
        break;
      default:
        break;
    }
    throw mismatch(v);
  }

  private static float canonicalF32(float f) {
    return Float.isNaN(f) ? Float.intBitsToFloat(CANONICAL_F32_NAN) : f;
  }

  private static double canonicalF64(double d) {
    return Double.isNaN(d) ? Double.longBitsToDouble(CANONICAL_F64_NAN) : d;
  }

  private static int checkChar(int i) {
    if (Integer.compareUnsigned(i, 0x110000) >= 0 || (i >= 0xd800 && i <= 0xdfff)) {
      throw new CanonicalAbiTrap(
          "char 0x" + Integer.toHexString(i) + " is not a Unicode scalar value");
    }
    return i;
  }
}
