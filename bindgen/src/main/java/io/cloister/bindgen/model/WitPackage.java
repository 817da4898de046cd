package io.cloister.bindgen.model;

import io.cloister.bindgen.wit.PackageName;
import java.util.List;

/** A resolved package: its interfaces in declaration order. */
public record WitPackage(PackageName name, List<Interface> interfaces) {
  public WitPackage {
    interfaces = List.copyOf(interfaces);
  }
}
