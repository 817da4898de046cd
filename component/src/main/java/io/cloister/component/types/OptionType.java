package io.cloister.component.types;

import java.util.Objects;

/** {@code option<T>}. */
public record OptionType(ValType element) implements ValType {
  public OptionType {
    Objects.requireNonNull(element, "element");
  }
}
