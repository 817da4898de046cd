package io.cloister.component.binary;

import java.util.Optional;

/** An {@code externtype} as written: what an import or export is, by type index. */
public sealed interface ExternDesc {

  /** {@code (core module (type i))}. */
  record CoreModule(int coreTypeIndex) implements ExternDesc {}

  /** {@code (func (type i))}. */
  record Func(int typeIndex) implements ExternDesc {}

  /** {@code (value ...)}: {@code (eq i)} when {@code valueIndex} is present, else a type. */
  record Value(Optional<Integer> valueIndex, Optional<TypeRef> type) implements ExternDesc {}

  /** {@code (type (eq i))}. */
  record TypeEq(int typeIndex) implements ExternDesc {}

  /** {@code (type (sub resource))}: a fresh abstract resource type. */
  record TypeSubResource() implements ExternDesc {}

  /** {@code (component (type i))}. */
  record Component(int typeIndex) implements ExternDesc {}

  /** {@code (instance (type i))}. */
  record Instance(int typeIndex) implements ExternDesc {}
}
