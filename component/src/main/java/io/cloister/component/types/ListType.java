package io.cloister.component.types;

import java.util.Objects;

/** {@code list<T>}. */
public record ListType(ValType element) implements ValType {
  public ListType {
    Objects.requireNonNull(element, "element");
  }
}
