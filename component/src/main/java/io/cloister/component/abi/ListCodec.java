package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.values.Value;
import java.util.List;

/** {@code list<T>} for any {@code T} but {@code u8}: a (pointer, length) pair. */
final class ListCodec extends Codec {
  /** The spec's {@code MAX_LIST_BYTE_LENGTH}. */
  static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;

  private final Codec element;

  ListCodec(Codec element) {
    super("list<" + element.name + ">", 8, 4, new FlatType[] {FlatType.I32, FlatType.I32});
    this.element = element;
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return loadFromRange(cx, (int) src[pos], (int) src[pos + 1]);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    List<Value> elements = elements(v);
    dst[pos] = storeIntoRange(cx, elements);
    dst[pos + 1] = elements.size();
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    return loadFromRange(cx, m.readInt(ptr), m.readInt(ptr + 4));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    List<Value> elements = elements(v);
    int begin = storeIntoRange(cx, elements);
    LinearMemory m = cx.memory();
    m.writeI32(ptr, begin);
    m.writeI32(ptr + 4, elements.size());
  }

  private List<Value> elements(Value v) {
    if (v instanceof Value.ListValue l) {
      return l.elements();
    }
    throw mismatch(v);
  }

  private Value loadFromRange(CallContext cx, int ptr, int length) {
    long byteLength = Integer.toUnsignedLong(length) * element.size;
    if (byteLength > MAX_LIST_BYTE_LENGTH) {
      throw new CanonicalAbiTrap(
          name + " of " + Integer.toUnsignedString(length) + " elements exceeds "
              + MAX_LIST_BYTE_LENGTH + " bytes");
    }
    cx.checkRange(ptr, byteLength, element.alignment, name);
    Value[] out = new Value[length];
    for (int i = 0; i < length; i++) {
      out[i] = element.load(cx, ptr + i * element.size);
    }
    return new Value.ListValue(List.of(out));
  }

  private int storeIntoRange(CallContext cx, List<Value> elements) {
    long byteLength = (long) elements.size() * element.size;
    int ptr = cx.allocate(element.alignment, byteLength, name);
    for (int i = 0; i < elements.size(); i++) {
      element.store(cx, elements.get(i), ptr + i * element.size);
    }
    return ptr;
  }
}
