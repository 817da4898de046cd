package io.cloister.component.types;

import java.util.Objects;

/** {@code own<R>}: a handle that transfers ownership of a resource. */
public record OwnType(ResourceType resource) implements ValType {
  public OwnType {
    Objects.requireNonNull(resource, "resource");
  }
}
