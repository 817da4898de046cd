package io.cloister.wasi.keyvalue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One app's buckets in memory, created on first {@code open}. */
public final class InMemoryKeyValueBuckets implements KeyValueBuckets {
  private final ConcurrentMap<String, KeyValueStore> buckets = new ConcurrentHashMap<>();

  @Override
  public KeyValueStore open(String identifier) {
    return buckets.computeIfAbsent(identifier, id -> new InMemoryKeyValueStore());
  }
}
