package io.cloister.wasi.keyvalue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code u64} cursors of wasi:keyvalue 0.2.0-draft's {@code list-keys}, each standing for the
 * key after which the listing continues (the store's own cursors are keys). Bounded: the oldest
 * cursors are forgotten first.
 */
final class CursorBook {
  static final int LIMIT = 256;
  private final Map<Long, String> byNumber =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
          return size() > LIMIT;
        }
      };
  private long next = 1;

  /** A new cursor number for continuing after {@code key}. */
  synchronized long issue(String key) {
    long n = next++;
    byNumber.put(n, key);
    return n;
  }

  /** The key cursor {@code n} stands for; an unknown number is an {@code other} error. */
  synchronized String resolve(long n) throws KeyValueException {
    String key = byNumber.get(n);
    if (key == null) {
      throw KeyValueException.other("unknown or expired list-keys cursor " + n);
    }
    return key;
  }
}
