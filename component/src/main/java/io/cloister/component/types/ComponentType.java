package io.cloister.component.types;

import java.util.List;
import java.util.Optional;

/** The type of a component: its imports and exports, in declaration order. */
public record ComponentType(List<ExternDecl> imports, List<ExternDecl> exports)
    implements DefType, ExternType {
  public ComponentType {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
  }

  /** The import with the given name, if any. */
  public Optional<ExternDecl> importNamed(String name) {
    return imports.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The export with the given name, if any. */
  public Optional<ExternDecl> exportNamed(String name) {
    return exports.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
