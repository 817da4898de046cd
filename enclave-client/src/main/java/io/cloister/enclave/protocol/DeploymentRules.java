package io.cloister.enclave.protocol;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What names, route prefixes and host names a deployment may have; both the enclave and its
 * clients check, so a client learns of a mistake before it streams an artifact.
 */
public final class DeploymentRules {
  private DeploymentRules() {}

  /** An app name: a DNS label starting with a letter (it is also a Merkle key segment). */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /** A route prefix: {@code /} and one DNS label. */
  public static final Pattern ROUTE_PREFIX = Pattern.compile("/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  /** Paths the enclave answers itself, never an app's route prefix. */
  public static final List<String> RESERVED_PREFIXES =
      List.of("/rpc", "/mcp", "/.well-known", "/healthz", "/readyz", "/metrics");

  /** Environment variables of one app at most, and bytes of all their names and values. */
  public static final int MAX_VARIABLES = 256;

  /** Bytes of all of one app's variable names and values together at most. */
  public static final int MAX_VARIABLE_BYTES = 12 * 1024;

  /** Checks {@code name}. */
  public static void checkName(String name) throws InvalidDeploymentException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidDeploymentException(
          "name",
          "'"
              + name
              + "' is not an app name: a DNS label of lower-case letters, digits and '-',"
              + " starting with a letter, at most 63 characters");
    }
  }

  /** Checks {@code prefix}. */
  public static void checkRoutePrefix(String prefix) throws InvalidDeploymentException {
    if (prefix == null || !ROUTE_PREFIX.matcher(prefix).matches()) {
      if (prefix != null && RESERVED_PREFIXES.contains(prefix)) {
        throw reserved(prefix);
      }
      throw new InvalidDeploymentException(
          "routePrefix",
          "'" + prefix + "' is not a route prefix: '/' followed by one DNS label, e.g. /hello");
    }
    if (RESERVED_PREFIXES.contains(prefix)) {
      throw reserved(prefix);
    }
  }

  private static InvalidDeploymentException reserved(String prefix) {
    return new InvalidDeploymentException(
        "routePrefix",
        "'" + prefix + "' is reserved by the enclave (" + String.join(", ", RESERVED_PREFIXES) + ")");
  }

  /** Checks {@code host}: DNS labels joined by dots, lower case, at most 253 characters. */
  public static void checkHostName(String host) throws InvalidDeploymentException {
    boolean ok = host != null && !host.isEmpty() && host.length() <= 253;
    if (ok && !host.equals(host.toLowerCase(Locale.ROOT))) {
      ok = false;
    }
    if (ok) {
      for (String label : host.split("\\.", -1)) {
        if (!HOST_LABEL.matcher(label).matches()) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) {
      throw new InvalidDeploymentException(
          "hostName",
          "'" + host + "' is not a host name: lower-case DNS labels joined by '.', e.g. hello.example");
    }
  }
}
