package io.cloister.bindgen.model;

import java.util.List;
import java.util.Optional;

/** A resolved WIT type: aliases are expanded, names refer to their definitions. */
public sealed interface Type {

  /** The primitive types. */
  enum Primitive implements Type {
    BOOL,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    CHAR,
    STRING;

    /** The primitive spelled {@code wit} in WIT. */
    public static Primitive of(String wit) {
      return valueOf(wit.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** {@code list<T>}. */
  record ListOf(Type element) implements Type {}

  /** {@code option<T>}. */
  record OptionOf(Type element) implements Type {}

  /** {@code result<T, E>}, either side possibly absent. */
  record ResultOf(Optional<Type> ok, Optional<Type> error) implements Type {}

  /** {@code tuple<...>}. */
  record TupleOf(List<Type> elements) implements Type {
    public TupleOf {
      elements = List.copyOf(elements);
    }
  }

  /** A record, variant, enum or flags type, by its definition. */
  record Named(TypeId id) implements Type {}

  /** {@code own<r>} (also a plain resource name) or {@code borrow<r>}. */
  record Handle(TypeId resource, boolean owned) implements Type {}
}
