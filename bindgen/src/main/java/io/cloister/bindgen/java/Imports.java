package io.cloister.bindgen.java;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one compilation unit. A class is imported and named simply unless its simple name
 * is reserved in the unit (a class of the same package, a nested type in scope) or shadowed where
 * it is used, in which case it is written fully qualified: generated names must never change what a
 * simple name means.
 */
final class Imports {
  private final String ownPackage;
  private final Set<String> reserved;
  private final Map<String, String> bySimpleName = new HashMap<>();
  private final Set<String> imports = new TreeSet<>();

  Imports(String ownPackage, Set<String> reserved) {
    this.ownPackage = ownPackage;
    this.reserved = Set.copyOf(reserved);
  }

  /** The simple names that must not be imported here. */
  Set<String> reserved() {
    return reserved;
  }

  /** How to write top-level class {@code fqn} where the names {@code shadowed} are in scope. */
  String ref(String fqn, Set<String> shadowed) {
    int dot = fqn.lastIndexOf('.');
    String simple = fqn.substring(dot + 1);
    String pkg = fqn.substring(0, dot);
    if (reserved.contains(simple) || shadowed.contains(simple)) {
      return fqn;
    }
    String prev = bySimpleName.putIfAbsent(simple, fqn);
    if (prev != null && !prev.equals(fqn)) {
      return fqn;
    }
    if (!pkg.equals("java.lang") && !pkg.equals(ownPackage)) {
      imports.add(fqn);
    }
    return simple;
  }

  /** {@link #ref(String, Set)} with nothing shadowed. */
  String ref(String fqn) {
    return ref(fqn, Set.of());
  }

  /** The import declarations, sorted, one a line. */
  String declarations() {
    StringBuilder b = new StringBuilder();
    for (String i : imports) {
      b.append("import ").append(i).append(";\n");
    }
    return b.toString();
  }
}
