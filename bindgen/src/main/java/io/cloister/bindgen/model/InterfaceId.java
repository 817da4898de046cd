package io.cloister.bindgen.model;

import io.cloister.bindgen.wit.PackageName;

/** An interface of a package: {@code ns:pkg/name@version}. */
public record InterfaceId(PackageName pkg, String name) {

  /** The name components import the interface by, e.g. {@code wasi:io/streams@0.2.12}. */
  public String qualified() {
    return pkg.unversioned() + "/" + name + pkg.version().map(v -> "@" + v).orElse("");
  }

  @Override
  public String toString() {
    return qualified();
  }
}
