package io.cloister.component.types;

import java.util.Objects;

/** A named field of a record. */
public record Field(String name, ValType type) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
