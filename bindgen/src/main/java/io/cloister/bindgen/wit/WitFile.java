package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;

/**
 * A parsed WIT file.
 *
 * @param path the file's name as given to the parser (relative to the WIT root for generated code)
 * @param pkg its {@code package ns:name@v;} header, if any
 * @param items its top-level items, in order
 */
public record WitFile(
    String path, Optional<PackageName> pkg, Optional<Pos> pkgPos, List<TopItem> items) {
  public WitFile {
    items = List.copyOf(items);
  }
}
