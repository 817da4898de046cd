package io.cloister.bindgen.resolve;

import io.cloister.bindgen.wit.PackageName;
import io.cloister.bindgen.wit.TopItem;
import java.util.List;
import java.util.Map;

/**
 * The parsed source of one package: its interfaces, each with the file it is in and that file's
 * top-level {@code use} aliases.
 */
record PackageSource(PackageName name, List<Decl> interfaces) {

  /** An interface declaration and its file's context. */
  record Decl(TopItem.Interface iface, String file, Map<String, TopItem.Use> fileUses) {}
}
