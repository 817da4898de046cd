package io.cloister.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 code hash: of the file as deployed, or of a component's bytes. */
public record CodeHash(byte[] bytes) {
  /** The length of a SHA-256 digest. */
  public static final int LENGTH = 32;

  public CodeHash {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** The SHA-256 of {@code data}. */
  public static CodeHash of(byte[] data) {
    try {
      return new CodeHash(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Parses 64 hex digits. */
  public static CodeHash ofHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, not " + hex.length());
    }
    return new CodeHash(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hex, as certificates and the CLI show it. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodeHash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
