package io.cloister.wasi.keyvalue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bucket of one app's key-value storage. Implementations are thread-safe: parallel requests of
 * the same app share a bucket, and {@link #increment} never loses an update.
 */
public interface KeyValueStore {
  /** The longest key accepted, in UTF-8 bytes. */
  int MAX_KEY_BYTES = 4096;

  /** The largest value accepted, in bytes. */
  int MAX_VALUE_BYTES = 16 * 1024 * 1024;

  /** How many keys one {@code list-keys} page holds at most. */
  int PAGE_SIZE = 1000;

  /** The value of {@code key}, if present. */
  Optional<byte[]> get(String key) throws KeyValueException;

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  void set(String key, byte[] value) throws KeyValueException;

  /** Removes {@code key}; removing an absent key succeeds. */
  void delete(String key) throws KeyValueException;

  /** Whether {@code key} is present. */
  boolean exists(String key) throws KeyValueException;

  /**
   * Keys in ascending {@link String#compareTo} order, after {@code cursor} (exclusive) when given;
   * at most {@link #PAGE_SIZE}. The returned cursor, when present, continues the listing.
   */
  KeyPage listKeys(Optional<String> cursor) throws KeyValueException;

  /**
   * Atomically adds {@code delta} to the counter under {@code key} and returns the new value. A
   * counter is an 8-byte little-endian unsigned 64-bit number that wraps on overflow; an absent key
   * counts as 0; any other value length is an {@code other} error.
   */
  long increment(String key, long delta) throws KeyValueException;

  /**
   * Atomically stores {@code value} under {@code key} if its value still equals {@code expected}
   * (empty: the key must be absent) and returns whether it did. Values are compared by content, so
   * a value changed and changed back counts as unchanged.
   */
  boolean compareAndSwap(String key, Optional<byte[]> expected, byte[] value)
      throws KeyValueException;

  /**
   * Stores every value of {@code keyValues}. The default does it key by key; a store that can
   * (the enclave's sealed one) makes it all-or-nothing, after checking every key and value.
   */
  default void setMany(List<Map.Entry<String, byte[]>> keyValues) throws KeyValueException {
    for (Map.Entry<String, byte[]> kv : keyValues) {
      set(kv.getKey(), kv.getValue());
    }
  }

  /** Removes every key of {@code keys}; all-or-nothing where the store can, as {@link #setMany}. */
  default void deleteMany(List<String> keys) throws KeyValueException {
    for (String key : keys) {
      delete(key);
    }
  }

  /** Whether {@code current} and {@code expected} are both absent or hold the same bytes. */
  static boolean sameValue(Optional<byte[]> current, Optional<byte[]> expected) {
    return current.isPresent() == expected.isPresent()
        && (current.isEmpty() || Arrays.equals(current.get(), expected.get()));
  }

  /** Checks a key against {@link #MAX_KEY_BYTES}. */
  static void checkKey(String key) throws KeyValueException {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw KeyValueException.other("key longer than " + MAX_KEY_BYTES + " bytes");
    }
  }

  /** Checks a value against {@link #MAX_VALUE_BYTES}. */
  static void checkValue(byte[] value) throws KeyValueException {
    if (value.length > MAX_VALUE_BYTES) {
      throw KeyValueException.other(
          "value of " + value.length + " bytes is larger than " + MAX_VALUE_BYTES);
    }
  }

  /** The counter held in {@code value} (absent: 0); see {@link #increment}. */
  static long counter(String key, Optional<byte[]> value) throws KeyValueException {
    if (value.isEmpty()) {
      return 0;
    }
    if (value.get().length != Long.BYTES) {
      throw KeyValueException.other(
          "value of key '" + key + "' is " + value.get().length + " bytes, not an 8-byte counter");
    }
    return ByteBuffer.wrap(value.get()).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** The 8-byte encoding of a counter. */
  static byte[] counterBytes(long counter) {
    return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(counter).array();
  }
}
