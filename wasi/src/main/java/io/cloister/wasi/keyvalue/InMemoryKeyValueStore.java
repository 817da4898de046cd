package io.cloister.wasi.keyvalue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A bucket held in memory; gone when the process ends. */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final TreeMap<String, byte[]> entries = new TreeMap<>();

  @Override
  public synchronized Optional<byte[]> get(String key) {
    byte[] v = entries.get(key);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  @Override
  public synchronized void set(String key, byte[] value) throws KeyValueException {
    KeyValueStore.checkKey(key);
    KeyValueStore.checkValue(value);
    entries.put(key, value.clone());
  }

  @Override
  public synchronized void delete(String key) {
    entries.remove(key);
  }

  @Override
  public synchronized boolean exists(String key) {
    return entries.containsKey(key);
  }

  @Override
  public synchronized KeyPage listKeys(Optional<String> cursor) {
    return page(
        cursor.isPresent() ? entries.tailMap(cursor.get(), false).keySet() : entries.keySet());
  }

  @Override
  public synchronized long increment(String key, long delta) throws KeyValueException {
    KeyValueStore.checkKey(key);
    long next = KeyValueStore.counter(key, Optional.ofNullable(entries.get(key))) + delta;
    entries.put(key, KeyValueStore.counterBytes(next));
    return next;
  }

  @Override
  public synchronized boolean compareAndSwap(String key, Optional<byte[]> expected, byte[] value)
      throws KeyValueException {
    if (!KeyValueStore.sameValue(Optional.ofNullable(entries.get(key)), expected)) {
      return false;
    }
    set(key, value);
    return true;
  }

  static KeyPage page(Iterable<String> sortedKeys) {
    List<String> keys = new ArrayList<>();
    for (String k : sortedKeys) {
      if (keys.size() == PAGE_SIZE) {
        return new KeyPage(keys, Optional.of(keys.get(keys.size() - 1)));
      }
      keys.add(k);
    }
    return new KeyPage(keys, Optional.empty());
  }
}
