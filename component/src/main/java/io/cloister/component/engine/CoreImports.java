package io.cloister.component.engine;

/** The items a core instantiation imports, by module and field name. */
@FunctionalInterface
public interface CoreImports {

  /** The item imported as {@code module}/{@code name}; never null for an import of the module. */
  CoreExtern get(String module, String name);
}
