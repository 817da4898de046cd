package io.cloister.component.types;

import java.util.List;

/**
 * The type of a core module as a component sees it: its imports ({@code module.name}) and exports,
 * each with a core extern kind and its core type written as in the text format.
 */
public record CoreModuleType(List<CoreExtern> imports, List<CoreExtern> exports)
    implements ExternType {
  public CoreModuleType {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
  }

  /** One core import or export: {@code module} is empty for exports. */
  public record CoreExtern(String module, String name, String kind, String type) {}
}
