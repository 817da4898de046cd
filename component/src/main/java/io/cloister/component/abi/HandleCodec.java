package io.cloister.component.abi;

import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;

/** {@code own<R>} and {@code borrow<R>}: an i32 index into the guest's handle table. */
final class HandleCodec extends Codec {
  private final ResourceType resource;
  private final boolean own;

  HandleCodec(ResourceType resource, boolean own) {
    super((own ? "own<" : "borrow<") + resource.name() + ">", 4, 4, new FlatType[] {FlatType.I32});
    this.resource = resource;
    this.own = own;
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return lift(cx, (int) src[pos]);
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    dst[pos] = lower(cx, v);
  }

  @Override
  Value load(CallContext cx, int ptr) {
    return lift(cx, cx.memory().readInt(ptr));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    cx.memory().writeI32(ptr, lower(cx, v));
  }

  private Value lift(CallContext cx, int index) {
    ResourceTable table = cx.resources();
    int rep = own ? table.liftOwn(resource, index) : table.liftBorrow(resource, index, cx);
    return new Value.ResourceValue(resource, rep, own);
  }

  private int lower(CallContext cx, Value v) {
    if (!(v instanceof Value.ResourceValue r)) {
      throw mismatch(v);
    }
    if (own && !r.owned()) {
      throw new ValueMismatchException(name + " needs an owned resource, got a borrow: " + r);
    }
    ResourceTable table = cx.resources();
    return own ? table.lowerOwn(resource, r.rep()) : table.lowerBorrow(resource, r.rep(), cx);
  }
}
