package io.cloister.component.wit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fully qualified interface name as used for component imports and exports: {@code
 * namespace:package/interface@version}, the version optional.
 */
public record InterfaceName(
    String namespace, String packageName, String interfaceName, Optional<String> version) {

  private static final Pattern SYNTAX =
      Pattern.compile("([a-z][a-z0-9-]*):([a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)*)/([a-z%][a-z0-9-]*)(?:@(\\S+))?");

  public InterfaceName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(version, "version");
  }

  /** The interface name an import or export name spells, or empty for a plain name like {@code run}. */
  public static Optional<InterfaceName> parse(String externName) {
    Matcher m = SYNTAX.matcher(externName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new InterfaceName(m.group(1), m.group(2), m.group(3), Optional.ofNullable(m.group(4))));
  }

  /** The package this interface belongs to: {@code namespace:package@version}. */
  public String qualifiedPackage() {
    return namespace + ":" + packageName + version.map(v -> "@" + v).orElse("");
  }

  @Override
  public String toString() {
    return namespace + ":" + packageName + "/" + interfaceName + version.map(v -> "@" + v).orElse("");
  }
}
