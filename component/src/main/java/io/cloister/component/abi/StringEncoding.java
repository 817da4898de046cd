package io.cloister.component.abi;

/** The {@code string-encoding} canonical option. */
public enum StringEncoding {
  /** {@code string-encoding=utf8}, the default. */
  UTF8,
  /** {@code string-encoding=utf16}: little-endian code units, length in code units. */
  UTF16,
  /**
   * {@code string-encoding=latin1+utf16}: Latin-1 bytes, or UTF-16 code units when the high bit of
   * the length is set.
   */
  LATIN1_UTF16
}
