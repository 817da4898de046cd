package io.cloister.component.types;

import java.util.List;

/** {@code variant { ... }}: one or more cases, each with an optional payload. */
public record VariantType(List<Case> cases) implements ValType {
  public VariantType {
    cases = List.copyOf(cases);
  }
}
