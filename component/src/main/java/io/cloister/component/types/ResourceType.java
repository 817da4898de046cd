package io.cloister.component.types;

import java.util.Objects;

/**
 * A resource type. Identity is the type: two resources are the same type only if they are the same
 * object, whatever their names.
 */
public final class ResourceType implements DefType {
  private final String name;

  /** A new, distinct resource type; {@code name} is for diagnostics and printing only. */
  public ResourceType(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The name the resource was declared or exported under. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "resource " + name + "@" + Integer.toHexString(System.identityHashCode(this));
  }
}
