package io.cloister.component.types;

import java.util.List;

/** {@code tuple<T...>}. */
public record TupleType(List<ValType> elements) implements ValType {
  public TupleType {
    elements = List.copyOf(elements);
  }
}
