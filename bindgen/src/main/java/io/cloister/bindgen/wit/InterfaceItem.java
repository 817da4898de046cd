package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;

/** An item of an {@code interface} body: a {@code use}, a type definition or a function. */
public sealed interface InterfaceItem permits InterfaceItem.Use, InterfaceItem.Func, TypeDecl {

  /** The item's doc, gates and position. */
  Meta meta();

  /** {@code use path.{a, b as c};}. */
  record Use(UsePath path, List<UseName> names, Meta meta) implements InterfaceItem {
    public Use {
      names = List.copyOf(names);
    }
  }

  /** One name of a {@code use}: {@code name} or {@code name as alias}. */
  record UseName(String name, Optional<String> alias, Pos pos) {
    /** The name it is known by in the using interface. */
    public String localName() {
      return alias.orElse(name);
    }
  }

  /** {@code name: func(...) -> T;}. */
  record Func(String name, FuncSig sig, Meta meta) implements InterfaceItem {}
}
