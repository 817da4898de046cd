package io.cloister.component.types;

import java.util.Objects;

/** A named function parameter. */
public record Param(String name, ValType type) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
