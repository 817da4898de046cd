package io.cloister.component.types;

import java.util.List;

/** {@code enum { ... }}: one or more labels. */
public record EnumType(List<String> labels) implements ValType {
  public EnumType {
    labels = List.copyOf(labels);
  }
}
