package io.cloister.component.types;

import java.util.Objects;

/**
 * A named import or export: a plain name ({@code add}), or an interface name ({@code
 * wasi:io/streams@0.2.0}).
 */
public record ExternDecl(String name, ExternType type) {
  public ExternDecl {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
