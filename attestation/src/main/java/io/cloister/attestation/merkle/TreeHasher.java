package io.cloister.attestation.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9162 §2.1 hash functions over SHA-256: empty root, leaf hash, interior node hash. */
public final class TreeHasher {

  /** Length of every hash in the tree, in bytes. */
  public static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private TreeHasher() {}

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    return newDigest().digest(data);
  }

  /** Root of the tree with no leaves: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return newDigest().digest();
  }

  /** SHA-256(0x00 ‖ leaf). */
  public static byte[] leafHash(byte[] leaf) {
    return leafHash(newDigest(), leaf);
  }

  /** SHA-256(0x00 ‖ leaf) with a caller's digest (reset afterwards), for bulk hashing. */
  static byte[] leafHash(MessageDigest md, byte[] leaf) {
    md.update(LEAF_PREFIX);
    md.update(leaf);
    return md.digest();
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return nodeHash(newDigest(), left, right);
  }

  /** SHA-256(0x01 ‖ left ‖ right) with a caller's digest (reset afterwards), for bulk hashing. */
  static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
