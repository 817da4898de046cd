package io.cloister.component.types;

import java.util.List;

/** {@code flags { ... }}: a set of named bits. */
public record FlagsType(List<String> labels) implements ValType {
  public FlagsType {
    labels = List.copyOf(labels);
  }
}
