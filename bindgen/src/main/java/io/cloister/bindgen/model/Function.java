package io.cloister.bindgen.model;

import java.util.List;
import java.util.Optional;

/**
 * A resolved function of an interface.
 *
 * @param kind free function, resource constructor, method or static function
 * @param resource the resource of a constructor, method or static function
 * @param name the WIT name ({@code read}; empty for a constructor)
 * @param params the parameters as components see them, with {@code self: borrow<r>} first for a
 *     method
 * @param result the result; a constructor's is {@code own<r>}
 * @param wit the declaration in WIT syntax, for documentation
 * @param deprecated the version an {@code @deprecated} gate names, if any
 */
public record Function(
    Kind kind,
    Optional<String> resource,
    String name,
    List<Param> params,
    Optional<Type> result,
    String doc,
    String wit,
    Optional<String> deprecated) {
  public Function {
    params = List.copyOf(params);
  }

  /** The kinds of functions. */
  public enum Kind {
    FREE,
    CONSTRUCTOR,
    METHOD,
    STATIC
  }

  /** The name components import the function by: {@code [method]input-stream.read}. */
  public String importName() {
    return switch (kind) {
      case FREE -> name;
      case CONSTRUCTOR -> "[constructor]" + resource.orElseThrow();
      case METHOD -> "[method]" + resource.orElseThrow() + "." + name;
      case STATIC -> "[static]" + resource.orElseThrow() + "." + name;
    };
  }

  /** A named parameter. */
  public record Param(String name, Type type) {}
}
