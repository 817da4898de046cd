package io.cloister.bindgen.wit;

import java.util.Objects;
import java.util.Optional;

/** A WIT package name: {@code namespace:name@version}, the version optional. */
public record PackageName(String namespace, String name, Optional<String> version) {
  public PackageName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /** The name without version, {@code namespace:name}. */
  public String unversioned() {
    return namespace + ":" + name;
  }

  @Override
  public String toString() {
    return unversioned() + version.map(v -> "@" + v).orElse("");
  }
}
