package io.cloister.engine.graalwasm;

/** Conversions between Java numbers and the {@code long} form of core values. */
public final class Values {
  private Values() {}

  /** An f32 as a core value. */
  public static long f32(float v) {
    return Float.floatToRawIntBits(v) & 0xffffffffL;
  }

  /** An f64 as a core value. */
  public static long f64(double v) {
    return Double.doubleToRawLongBits(v);
  }

  /** The f32 a core value holds. */
  public static float asF32(long v) {
    return Float.intBitsToFloat((int) v);
  }

  /** The f64 a core value holds. */
  public static double asF64(long v) {
    return Double.longBitsToDouble(v);
  }

  /** A core value as the boxed Java number GraalWasm expects for {@code type}. */
  static Object box(ValType type, long v) {
    return switch (type) {
      case I32 -> (int) v;
      case I64 -> v;
      case F32 -> Float.intBitsToFloat((int) v);
      case F64 -> Double.longBitsToDouble(v);
      default -> throw new UnsupportedOperationException("values of type " + type);
    };
  }

  /** A GraalWasm value of {@code type} as a core value. */
  static long unbox(ValType type, org.graalvm.polyglot.Value v) {
    return switch (type) {
      case I32 -> v.asInt();
      case I64 -> v.asLong();
      case F32 -> f32(v.asFloat());
      case F64 -> f64(v.asDouble());
      default -> throw new UnsupportedOperationException("values of type " + type);
    };
  }
}
