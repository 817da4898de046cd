package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.values.Value;
import java.util.List;

/** {@code list<u8>}: lifted to {@link Value.Bytes} with one bulk copy each way. */
final class ByteListCodec extends Codec {

  ByteListCodec() {
    super("list<u8>", 8, 4, new FlatType[] {FlatType.I32, FlatType.I32});
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return loadFromRange(cx, (int) src[pos], (int) src[pos + 1]);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    byte[] bytes = bytes(v);
    dst[pos] = storeIntoRange(cx, bytes);
    dst[pos + 1] = bytes.length;
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    return loadFromRange(cx, m.readInt(ptr), m.readInt(ptr + 4));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    byte[] bytes = bytes(v);
    int begin = storeIntoRange(cx, bytes);
    LinearMemory m = cx.memory();
    m.writeI32(ptr, begin);
    m.writeI32(ptr + 4, bytes.length);
  }

  private byte[] bytes(Value v) {
    if (v instanceof Value.Bytes b) {
      return b.value();
    }
    if (v instanceof Value.ListValue l) {
      List<Value> elements = l.elements();
      byte[] out = new byte[elements.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(elements.get(i) instanceof Value.U8 u)) {
          throw mismatch(v);
        }
        out[i] = (byte) u.value();
      }
      return out;
    }
    throw mismatch(v);
  }

  private static Value loadFromRange(CallContext cx, int ptr, int length) {
    long byteLength = Integer.toUnsignedLong(length);
    if (byteLength > ListCodec.MAX_LIST_BYTE_LENGTH) {
      throw new CanonicalAbiTrap(
          "list<u8> of " + byteLength + " bytes exceeds " + ListCodec.MAX_LIST_BYTE_LENGTH);
    }
    cx.checkRange(ptr, byteLength, 1, "list<u8>");
    return new Value.Bytes(cx.memory().readBytes(ptr, length));
  }

  private static int storeIntoRange(CallContext cx, byte[] bytes) {
    int ptr = cx.allocate(1, bytes.length, "list<u8>");
    cx.memory().write(ptr, bytes);
    return ptr;
  }
}
