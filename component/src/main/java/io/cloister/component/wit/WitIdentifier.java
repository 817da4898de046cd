package io.cloister.component.wit;

import java.util.Set;

/** Spelling of WIT identifiers: a name that is a WIT keyword is written with a leading {@code %}. */
final class WitIdentifier {
  private static final Set<String> KEYWORDS =
      Set.of(
          "as", "async", "bool", "borrow", "char", "constructor", "enum", "error-context", "export",
          "f32", "f64", "flags", "from", "func", "future", "import", "include", "interface", "list",
          "option", "own", "package", "record", "resource", "result", "s8", "s16", "s32", "s64",
          "static", "stream", "string", "tuple", "type", "u8", "u16", "u32", "u64", "use",
          "variant", "with", "world");

  private WitIdentifier() {}

  /** The identifier as WIT source spells it. */
  static String of(String name) {
    return KEYWORDS.contains(name) ? "%" + name : name;
  }
}
