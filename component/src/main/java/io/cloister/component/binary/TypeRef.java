package io.cloister.component.binary;

import io.cloister.component.types.PrimitiveType;

/** A {@code valtype} as written: a primitive, or an index into the type index space. */
public sealed interface TypeRef {

  /** A primitive value type written inline. */
  record Primitive(PrimitiveType type) implements TypeRef {}

  /** A reference to a type definition by index. */
  record Index(int index) implements TypeRef {}
}
