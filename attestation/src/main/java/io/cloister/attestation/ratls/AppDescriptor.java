package io.cloister.attestation.ratls;

import io.cloister.attestation.merkle.ConfigKeys;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One deployed app as the enclave publishes it: name, route prefix, hostname (its SNI), SHA-256
 * code hash, and the capabilities it was granted (sorted, no duplicates).
 */
public record AppDescriptor(
    String name, String routePrefix, String hostname, byte[] codeHash, List<String> capabilities) {

  /** Validates and copies. */
  public AppDescriptor {
    Objects.requireNonNull(routePrefix, "routePrefix");
    Objects.requireNonNull(hostname, "hostname");
    if (!ConfigKeys.APP_NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException(
          "app name '" + name + "' does not match " + ConfigKeys.APP_NAME.pattern());
    }
    if (!routePrefix.startsWith("/")) {
      throw new IllegalArgumentException("route prefix '" + routePrefix + "' must start with '/'");
    }
    if (codeHash.length != 32) {
      throw new IllegalArgumentException(
          "code hash of app '" + name + "' is " + codeHash.length + " bytes, expected 32");
    }
    codeHash = codeHash.clone();
    capabilities = capabilities.stream().sorted().distinct().toList();
  }

  /** An app without capabilities. */
  public AppDescriptor(String name, String routePrefix, String hostname, byte[] codeHash) {
    this(name, routePrefix, hostname, codeHash, List.of());
  }

  @Override
  public byte[] codeHash() {
    return codeHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppDescriptor a
        && name.equals(a.name)
        && routePrefix.equals(a.routePrefix)
        && hostname.equals(a.hostname)
        && Arrays.equals(codeHash, a.codeHash)
        && capabilities.equals(a.capabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, routePrefix, hostname, Arrays.hashCode(codeHash), capabilities);
  }

  @Override
  public String toString() {
    return "AppDescriptor["
        + name
        + ", "
        + routePrefix
        + ", "
        + hostname
        + ", "
        + HexFormat.of().formatHex(codeHash)
        + ", "
        + capabilities
        + "]";
  }
}
