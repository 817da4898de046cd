package io.cloister.enclave.protocol;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The tree head of an enclave's deployment log: its size and RFC 9162 root (hex), written {@code
 * SIZE:ROOT} where a person types it ({@code cloister verify --since}).
 */
public record LogTreeHead(long size, String root) {

  /** Checks the size and that the root is 32 bytes of lower-case hex. */
  public LogTreeHead {
    Objects.requireNonNull(root, "root");
    if (size < 0) {
      throw new IllegalArgumentException("a log size is not negative: " + size);
    }
    if (!root.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a log root is 64 lower-case hex digits, got '" + root + "'");
    }
  }

  /** The head of {@code size} leaves with root {@code root}. */
  public static LogTreeHead of(long size, byte[] root) {
    return new LogTreeHead(size, HexFormat.of().formatHex(root));
  }

  /**
   * Parses {@code SIZE:ROOT}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static LogTreeHead parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected SIZE:ROOT (e.g. 4:" + "ab".repeat(32) + "), got '" + text + "'");
    }
    long size;
    try {
      size = Long.parseLong(text.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the size in '" + text + "' is not a number");
    }
    return new LogTreeHead(size, text.substring(colon + 1).toLowerCase(java.util.Locale.ROOT));
  }

  /** The root's bytes. */
  public byte[] rootBytes() {
    return HexFormat.of().parseHex(root);
  }

  @Override
  public String toString() {
    return size + ":" + root;
  }
}
