package io.cloister.component.wit;

import java.util.Objects;
import java.util.Optional;

/**
 * A function name that, by the Component Model's naming conventions, belongs to a resource: {@code
 * [constructor]r}, {@code [method]r.m} or {@code [static]r.f}.
 */
public record ResourceFunctionName(Kind kind, String resource, String function) {

  /** How the function relates to its resource. */
  public enum Kind {
    CONSTRUCTOR,
    METHOD,
    STATIC
  }

  public ResourceFunctionName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(function, "function");
  }

  /** The resource function an extern name denotes, or empty for an ordinary function name. */
  public static Optional<ResourceFunctionName> parse(String name) {
    if (name.startsWith("[constructor]")) {
      String resource = name.substring("[constructor]".length());
      return resource.isEmpty()
          ? Optional.empty()
          : Optional.of(new ResourceFunctionName(Kind.CONSTRUCTOR, resource, ""));
    }
    if (name.startsWith("[method]")) {
      return dotted(Kind.METHOD, name.substring("[method]".length()));
    }
    if (name.startsWith("[static]")) {
      return dotted(Kind.STATIC, name.substring("[static]".length()));
    }
    return Optional.empty();
  }

  private static Optional<ResourceFunctionName> dotted(Kind kind, String rest) {
    int dot = rest.indexOf('.');
    if (dot <= 0 || dot == rest.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new ResourceFunctionName(kind, rest.substring(0, dot), rest.substring(dot + 1)));
  }
}
