package io.cloister.bindgen.wit;

import java.util.Optional;

/**
 * The interface a {@code use} names: {@code iface} (an interface of the same package, or an
 * interface alias of a top-level {@code use}) or {@code ns:pkg/iface@version}.
 */
public record UsePath(Optional<PackageName> pkg, String iface, Pos pos) {
  @Override
  public String toString() {
    return pkg.map(p -> p.unversioned() + "/" + iface + p.version().map(v -> "@" + v).orElse(""))
        .orElse(iface);
  }
}
