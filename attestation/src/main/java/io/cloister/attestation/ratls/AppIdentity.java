package io.cloister.attestation.ratls;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The app an app certificate speaks for: extensions 2.1 (name), 2.2 (route prefix), 2.3 (hash). */
public record AppIdentity(String name, String routePrefix, byte[] codeHash) {

  /** Copies the hash and checks its length. */
  public AppIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(routePrefix, "routePrefix");
    if (codeHash.length != 32) {
      throw new IllegalArgumentException("code hash is " + codeHash.length + " bytes, expected 32");
    }
    codeHash = codeHash.clone();
  }

  /** The identity of a deployed app. */
  public static AppIdentity of(AppDescriptor app) {
    return new AppIdentity(app.name(), app.routePrefix(), app.codeHash());
  }

  @Override
  public byte[] codeHash() {
    return codeHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppIdentity a
        && name.equals(a.name)
        && routePrefix.equals(a.routePrefix)
        && Arrays.equals(codeHash, a.codeHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, routePrefix, Arrays.hashCode(codeHash));
  }

  @Override
  public String toString() {
    return "AppIdentity["
        + name
        + ", "
        + routePrefix
        + ", "
        + HexFormat.of().formatHex(codeHash)
        + "]";
  }
}
