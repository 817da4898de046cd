package io.cloister.wasi.keyvalue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One app's buckets on disk: each bucket is a {@link FileKeyValueStore} in a subdirectory of {@code
 * root} named after the hex of its identifier (so any identifier is a safe file name).
 */
public final class FileKeyValueBuckets implements KeyValueBuckets {
  /** The longest bucket identifier accepted, in UTF-8 bytes. */
  public static final int MAX_IDENTIFIER_BYTES = 100;

  private final Path root;
  private final ConcurrentMap<String, FileKeyValueStore> open = new ConcurrentHashMap<>();

  /** Buckets under {@code root}. */
  public FileKeyValueBuckets(Path root) {
    this.root = root;
  }

  @Override
  public KeyValueStore open(String identifier) throws KeyValueException {
    FileKeyValueStore store = open.get(identifier);
    if (store != null) {
      return store;
    }
    byte[] id = identifier.getBytes(StandardCharsets.UTF_8);
    if (id.length > MAX_IDENTIFIER_BYTES) {
      throw KeyValueException.other(
          "bucket identifier longer than " + MAX_IDENTIFIER_BYTES + " bytes");
    }
    synchronized (this) {
      store = open.get(identifier);
      if (store == null) {
        store = FileKeyValueStore.open(root.resolve("b-" + HexFormat.of().formatHex(id)));
        open.put(identifier, store);
      }
      return store;
    }
  }
}
