package io.cloister.wasi.keyvalue;

/** One app's buckets: {@code wasi:keyvalue/store.open} asks here. */
@FunctionalInterface
public interface KeyValueBuckets {

  /**
   * The bucket named {@code identifier}; fails with {@code no-such-store} or {@code access-denied}.
   */
  KeyValueStore open(String identifier) throws KeyValueException;
}
