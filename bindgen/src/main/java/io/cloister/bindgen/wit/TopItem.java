package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;

/** A top-level item of a WIT file. */
public sealed interface TopItem {

  /** {@code interface name { ... }}. */
  record Interface(String name, List<InterfaceItem> items, Meta meta) implements TopItem {
    public Interface {
      items = List.copyOf(items);
    }
  }

  /** {@code world name { ... }}: parsed and kept only as a summary; bindings ignore worlds. */
  record World(String name, List<WorldItem> items, Meta meta) implements TopItem {
    public World {
      items = List.copyOf(items);
    }
  }

  /** {@code use ns:pkg/iface@v as alias;}: names an interface for the file's {@code use}s. */
  record Use(UsePath path, Optional<String> alias, Meta meta) implements TopItem {
    /** The name the interface is known by in the file. */
    public String localName() {
      return alias.orElse(path.iface());
    }
  }

  /** {@code package ns:name@v { ... }}: another package inside the file. */
  record NestedPackage(PackageName name, List<TopItem> items, Pos pos) implements TopItem {
    public NestedPackage {
      items = List.copyOf(items);
    }
  }

  /**
   * An item of a world, summarised.
   *
   * @param kind import, export, include, use or type
   * @param target what it names: an interface path, a plain name, or an inline item's name
   */
  record WorldItem(Kind kind, String target, Meta meta) {
    /** The kinds of world items. */
    public enum Kind {
      IMPORT,
      EXPORT,
      INCLUDE,
      USE,
      TYPE
    }
  }
}
