package io.cloister.attestation.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The leaf encoding: 4-byte big-endian length of the UTF-8 key ‖ the UTF-8 key ‖ SHA-256(value).
 *
 * <p>Hashing the value keeps every leaf a fixed 36 bytes plus the key, so a proof for a large value
 * (say, a capability list) costs no more than one for a 32-byte hash.
 */
public final class ConfigLeaf {

  private ConfigLeaf() {}

  /** The leaf bytes for {@code key} and {@code value}. */
  public static byte[] encode(String key, byte[] value) {
    return encode(TreeHasher.newDigest(), key, value);
  }

  private static byte[] encode(MessageDigest md, String key, byte[] value) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + keyBytes.length + TreeHasher.HASH_LENGTH)
        .putInt(keyBytes.length)
        .put(keyBytes)
        .put(md.digest(value))
        .array();
  }

  /** The leaf hash, SHA-256(0x00 ‖ leaf), for {@code key} and {@code value}. */
  public static byte[] hash(String key, byte[] value) {
    return hash(TreeHasher.newDigest(), key, value);
  }

  /** The leaf hash with a caller's digest (reset afterwards), for bulk hashing. */
  static byte[] hash(MessageDigest md, String key, byte[] value) {
    return TreeHasher.leafHash(md, encode(md, key, value));
  }
}
