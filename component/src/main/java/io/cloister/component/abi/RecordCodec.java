package io.cloister.component.abi;

import io.cloister.component.values.Value;
import java.util.List;

/** {@code record} and {@code tuple}: fields laid out in order, each at its alignment. */
final class RecordCodec extends Codec {
  private final Codec[] fields;
  private final int[] offsets;
  private final int[] flatOffsets;
  private final boolean tuple;

  private RecordCodec(
      String name, Codec[] fields, int[] offsets, int[] flatOffsets, int size, int alignment,
      FlatType[] flat, boolean tuple) {
    super(name, size, alignment, flat);
    this.fields = fields;
    this.offsets = offsets;
    this.flatOffsets = flatOffsets;
    this.tuple = tuple;
  }

  /** The codec of a record ({@code tuple} false) or tuple with these field codecs. */
  static RecordCodec of(String name, List<Codec> fieldCodecs, boolean tuple) {
    Codec[] fields = fieldCodecs.toArray(Codec[]::new);
    int[] offsets = new int[fields.length];
    int[] flatOffsets = new int[fields.length];
    int size = 0;
    int alignment = 1;
    int flatCount = 0;
    for (int i = 0; i < fields.length; i++) {
      size = alignTo(size, fields[i].alignment);
      offsets[i] = size;
      size += fields[i].size;
      alignment = Math.max(alignment, fields[i].alignment);
      flatOffsets[i] = flatCount;
      flatCount += fields[i].flat.length;
    }
    FlatType[] flat = new FlatType[flatCount];
    for (int i = 0; i < fields.length; i++) {
      System.arraycopy(fields[i].flat, 0, flat, flatOffsets[i], fields[i].flat.length);
    }
    return new RecordCodec(
        name, fields, offsets, flatOffsets, alignTo(size, alignment), alignment, flat, tuple);
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    Value[] out = new Value[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = fields[i].liftFlat(cx, src, pos + flatOffsets[i]);
    }
    return wrap(out);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    List<Value> values = unwrap(v);
    for (int i = 0; i < fields.length; i++) {
      fields[i].lowerFlat(cx, values.get(i), dst, pos + flatOffsets[i]);
    }
  }

  @Override
  Value load(CallContext cx, int ptr) {
    Value[] out = new Value[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = fields[i].load(cx, ptr + offsets[i]);
    }
    return wrap(out);
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    List<Value> values = unwrap(v);
    for (int i = 0; i < fields.length; i++) {
      fields[i].store(cx, values.get(i), ptr + offsets[i]);
    }
  }

  /** Lowers the values of a spilled parameter or result list (a tuple) to memory at {@code ptr}. */
  void storeAll(CallContext cx, List<Value> values, int ptr) {
    for (int i = 0; i < fields.length; i++) {
      fields[i].store(cx, values.get(i), ptr + offsets[i]);
    }
  }

  /** Loads a spilled parameter or result list (a tuple) from {@code ptr}. */
  Value[] loadAll(CallContext cx, int ptr) {
    Value[] out = new Value[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = fields[i].load(cx, ptr + offsets[i]);
    }
    return out;
  }

  private Value wrap(Value[] values) {
    List<Value> list = List.of(values);
    return tuple ? new Value.TupleValue(list) : new Value.RecordValue(list);
  }

  private List<Value> unwrap(Value v) {
    List<Value> values;
    if (v instanceof Value.RecordValue r && !tuple) {
      values = r.fields();
    } else if (v instanceof Value.TupleValue t && tuple) {
      values = t.elements();
    } else {
      throw mismatch(v);
    }
    if (values.size() != fields.length) {
      throw new ValueMismatchException(
          name + " has " + fields.length + " fields, the value has " + values.size());
    }
    return values;
  }
}
