package io.cloister.component.types;

import java.util.List;
import java.util.Optional;

/** The type of a component instance: its exports, in declaration order. */
public record InstanceType(List<ExternDecl> exports) implements DefType, ExternType {
  public InstanceType {
    exports = List.copyOf(exports);
  }

  /** The export with the given name, if any. */
  public Optional<ExternDecl> export(String name) {
    return exports.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
