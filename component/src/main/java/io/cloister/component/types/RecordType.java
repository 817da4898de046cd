package io.cloister.component.types;

import java.util.List;

/** {@code record { ... }}: one or more named fields, in declaration order. */
public record RecordType(List<Field> fields) implements ValType {
  public RecordType {
    fields = List.copyOf(fields);
  }
}
