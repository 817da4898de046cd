package io.cloister.artifact.format;

import java.util.Arrays;

/** The fixed header of a {@code .cwasm}: magic bytes, then a big-endian u16 format version. */
public final class CwasmFormat {
  private static final byte[] MAGIC = {0, 'c', 'l', 'w', 'C', 'W', 'A', 'S', 'M'};

  /** The only format version this build reads and writes. */
  public static final int VERSION = 1;

  /** Magic plus version: where the first section starts. */
  public static final int HEADER_LENGTH = MAGIC.length + 2;

  private CwasmFormat() {}

  /** The magic bytes, {@code \0clwCWASM}. */
  public static byte[] magic() {
    return MAGIC.clone();
  }

  /** Whether {@code bytes} starts with the magic (the version may still be unknown). */
  public static boolean hasMagic(byte[] bytes) {
    return bytes.length >= MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
