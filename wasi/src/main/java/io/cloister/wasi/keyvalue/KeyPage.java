package io.cloister.wasi.keyvalue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code list-keys}: keys in ascending order and the cursor of the next page, if any.
 */
public record KeyPage(List<String> keys, Optional<String> cursor) {
  public KeyPage {
    keys = List.copyOf(keys);
    Objects.requireNonNull(cursor, "cursor");
  }
}
