package io.cloister.attestation.quote;

/** Bounds-checked little-endian cursor over quote bytes; every read names its field. */
final class QuoteReader {
  private final byte[] data;
  private final int base;
  private final int end;
  private int pos;

  QuoteReader(byte[] data) {
    this(data, 0, data.length, 0);
  }

  /** A reader over {@code data[from, to)} whose offsets are reported relative to {@code base}. */
  private QuoteReader(byte[] data, int from, int to, int base) {
    this.data = data;
    this.pos = from;
    this.end = to;
    this.base = base;
  }

  /** Absolute offset (from the start of the quote) of the next byte. */
  int offset() {
    return base + pos;
  }

  int remaining() {
    return end - pos;
  }

  private void require(String field, long n) throws QuoteFormatException {
    if (n > remaining()) {
      throw new QuoteFormatException(
          field, offset(), "needs " + n + " bytes but only " + remaining() + " remain");
    }
  }

  byte[] bytes(String field, int n) throws QuoteFormatException {
    require(field, n);
    byte[] out = new byte[n];
    System.arraycopy(data, pos, out, 0, n);
    pos += n;
    return out;
  }

  int u16(String field) throws QuoteFormatException {
    require(field, 2);
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  long u32(String field) throws QuoteFormatException {
    require(field, 4);
    long v =
        (data[pos] & 0xffL)
            | (data[pos + 1] & 0xffL) << 8
            | (data[pos + 2] & 0xffL) << 16
            | (data[pos + 3] & 0xffL) << 24;
    pos += 4;
    return v;
  }

  /**
   * Reads a declared length and returns a sub-reader over exactly that many bytes, refusing lengths
   * beyond the remaining input before allocating anything.
   */
  QuoteReader slice(String field, long declaredLength, int lengthFieldOffset)
      throws QuoteFormatException {
    if (declaredLength > remaining()) {
      throw new QuoteFormatException(
          field,
          lengthFieldOffset,
          "declares " + declaredLength + " bytes but only " + remaining() + " remain");
    }
    int n = (int) declaredLength;
    QuoteReader sub = new QuoteReader(data, pos, pos + n, base);
    pos += n;
    return sub;
  }

  /** Fails unless every byte has been consumed. */
  void expectEnd(String structure) throws QuoteFormatException {
    if (remaining() != 0) {
      throw new QuoteFormatException(
          structure, offset(), remaining() + " unexpected trailing bytes");
    }
  }

  /** Consumes trailing zero padding (real quote buffers are zero-padded) and returns its length. */
  int zeroPadding(String structure) throws QuoteFormatException {
    int n = remaining();
    for (int i = pos; i < end; i++) {
      if (data[i] != 0) {
        throw new QuoteFormatException(
            structure, base + i, "non-zero byte in trailing padding (" + n + " trailing bytes)");
      }
    }
    pos = end;
    return n;
  }
}
