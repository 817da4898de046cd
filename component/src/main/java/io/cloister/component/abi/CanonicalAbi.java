package io.cloister.component.abi;

import io.cloister.component.types.ValType;
import java.util.List;

/** The Canonical ABI's static facts about a value type: size, alignment and flattening. */
public final class CanonicalAbi {
  private CanonicalAbi() {}

  /** {@code elem_size}: the bytes a value of {@code type} takes in linear memory. */
  public static int size(ValType type) {
    return Codecs.of(type).size;
  }

  /** {@code alignment}: the alignment of {@code type} in linear memory. */
  public static int alignment(ValType type) {
    return Codecs.of(type).alignment;
  }

  /** {@code flatten_type}: the core values that carry a value of {@code type}. */
  public static List<FlatType> flatten(ValType type) {
    return List.of(Codecs.of(type).flat);
  }
}
