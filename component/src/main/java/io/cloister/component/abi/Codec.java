package io.cloister.component.abi;

import io.cloister.component.values.Value;

/**
 * The precomputed Canonical ABI of one value type: its size, alignment and flattening, and the four
 * ways to move a value (lift and lower, flat and in memory). Built once per type by {@link Codecs}.
 */
abstract sealed class Codec
    permits ScalarCodec,
        StringCodec,
        ListCodec,
        ByteListCodec,
        RecordCodec,
        VariantCodec,
        FlagsCodec,
        HandleCodec {

  /** The WIT spelling of the type, for messages. */
  final String name;

  /** {@code elem_size}. */
  final int size;

  /** {@code alignment}. */
  final int alignment;

  /** {@code flatten_type}. */
  final FlatType[] flat;

  Codec(String name, int size, int alignment, FlatType[] flat) {
    this.name = name;
    this.size = size;
    this.alignment = alignment;
    this.flat = flat;
  }

  /** {@code lift_flat}: reads {@code flat.length} slots of {@code src} from {@code pos}. */
  abstract Value liftFlat(CallContext cx, long[] src, int pos);

  /** {@code lower_flat}: writes {@code flat.length} slots of {@code dst} from {@code pos}. */
  abstract void lowerFlat(CallContext cx, Value v, long[] dst, int pos);

  /** {@code load} from an aligned, in-bounds {@code ptr}. */
  abstract Value load(CallContext cx, int ptr);

  /** {@code store} to an aligned, in-bounds {@code ptr}. */
  abstract void store(CallContext cx, Value v, int ptr);

  final ValueMismatchException mismatch(Value got) {
    return new ValueMismatchException(
        "expected a value of type " + name + ", got " + (got == null ? "null" : got));
  }

  static int alignTo(int offset, int alignment) {
    return (offset + alignment - 1) & -alignment;
  }
}
