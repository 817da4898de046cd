package io.cloister.component.types;

import java.util.Objects;

/** {@code borrow<R>}: a handle lent for the duration of one call. */
public record BorrowType(ResourceType resource) implements ValType {
  public BorrowType {
    Objects.requireNonNull(resource, "resource");
  }
}
