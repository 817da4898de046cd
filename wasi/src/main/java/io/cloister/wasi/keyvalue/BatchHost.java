package io.cloister.wasi.keyvalue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wasi:keyvalue/batch}: several keys in one call. Not atomic as a whole (the specification
 * does not ask it); each key's operation is.
 */
public final class BatchHost {

  private BatchHost() {}

  /** {@code get-many}: for each key, its key and value when present. */
  public static List<Optional<Map.Entry<String, byte[]>>> getMany(
      KeyValueStore bucket, List<String> keys) throws KeyValueException {
    List<Optional<Map.Entry<String, byte[]>>> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      out.add(bucket.get(key).map(v -> Map.entry(key, v)));
    }
    return out;
  }

  /** {@code set-many}. */
  public static void setMany(KeyValueStore bucket, List<Map.Entry<String, byte[]>> entries)
      throws KeyValueException {
    for (Map.Entry<String, byte[]> e : entries) {
      bucket.set(e.getKey(), e.getValue());
    }
  }

  /** {@code delete-many}. */
  public static void deleteMany(KeyValueStore bucket, List<String> keys) throws KeyValueException {
    for (String key : keys) {
      bucket.delete(key);
    }
  }
}
