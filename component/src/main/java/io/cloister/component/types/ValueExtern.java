package io.cloister.component.types;

import java.util.Objects;

/** An imported or exported component value (rare; from the value-imports proposal). */
public record ValueExtern(ValType type) implements ExternType {
  public ValueExtern {
    Objects.requireNonNull(type, "type");
  }
}
