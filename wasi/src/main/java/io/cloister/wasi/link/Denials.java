package io.cloister.wasi.link;

import io.cloister.wasi.WasiTrap;
import java.util.List;

/**
 * Definitions for interfaces a Cloister app may import but never use: every function returns {@code
 * err} with one case of the interface's error enum, or traps when it can only be reached through a
 * resource this host never creates.
 */
public final class Denials {
  private final HostDefinitions defs;
  private final String iface;

  /** Denials for {@code iface}. */
  public Denials(HostDefinitions defs, String iface) {
    this.defs = defs;
    this.iface = iface;
  }

  /** Each function returns {@code err(enum case errorCase)}. */
  public Denials deny(int errorCase, List<String> functions) {
    for (String f : functions) {
      defs.function(iface, f, a -> Results.one(Results.err(Results.enumCase(errorCase))));
    }
    return this;
  }

  /** Each function traps: it needs a resource that no call of this host ever returns. */
  public Denials unreachable(List<String> functions) {
    for (String f : functions) {
      defs.function(
          iface,
          f,
          a -> {
            throw new WasiTrap(iface + " " + f + ": no such resource exists in this host");
          });
    }
    return this;
  }
}
