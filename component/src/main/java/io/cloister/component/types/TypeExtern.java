package io.cloister.component.types;

import java.util.Objects;

/**
 * An imported or exported type: {@code (type (eq T))} carries the type it equals; {@code (type (sub
 * resource))} carries a fresh {@link ResourceType}.
 */
public record TypeExtern(DefType type) implements ExternType {
  public TypeExtern {
    Objects.requireNonNull(type, "type");
  }
}
