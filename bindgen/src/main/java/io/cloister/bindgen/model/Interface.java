package io.cloister.bindgen.model;

import java.util.List;

/**
 * A resolved interface.
 *
 * @param file the WIT file that declares it, relative to its WIT root, with '/' separators
 * @param types its own type definitions (not aliases, not used types), in declaration order
 * @param functions its functions in declaration order, a resource's right where it is declared
 */
public record Interface(
    InterfaceId id, String doc, String file, List<TypeDef> types, List<Function> functions) {
  public Interface {
    types = List.copyOf(types);
    functions = List.copyOf(functions);
  }
}
