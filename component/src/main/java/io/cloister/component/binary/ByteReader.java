package io.cloister.component.binary;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A bounded cursor over a byte array: every read checks the remaining bytes first, so truncated or
 * hostile input fails with a {@link ComponentDecodeException} naming the offset, never with an
 * unchecked exception or a huge allocation.
 */
public final class ByteReader {
  private final byte[] bytes;
  private int pos;
  private final int end;

  /** A reader over {@code bytes[start, end)}. */
  public ByteReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  public byte[] array() {
    return bytes;
  }

  public int position() {
    return pos;
  }

  public int end() {
    return end;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  public int remaining() {
    return end - pos;
  }

  public ComponentDecodeException error(String rule) {
    return new ComponentDecodeException(pos, rule);
  }

  public ComponentDecodeException errorAt(int offset, String rule) {
    return new ComponentDecodeException(offset, rule);
  }

  public int u8() throws ComponentDecodeException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return bytes[pos++] & 0xff;
  }

  public int peek() throws ComponentDecodeException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return bytes[pos] & 0xff;
  }

  public void expect(int b, String what) throws ComponentDecodeException {
    int at = pos;
    int got = u8();
    if (got != b) {
      throw errorAt(at, what + ": expected 0x" + Integer.toHexString(b) + ", found 0x"
          + Integer.toHexString(got));
    }
  }

  /** An unsigned LEB128 of at most 32 bits; rejects overlong encodings and overflow. */
  public int u32() throws ComponentDecodeException {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 35) {
        throw errorAt(start, "u32 LEB128 longer than 5 bytes");
      }
      int b = u8();
      if (shift == 28 && (b & 0x70) != 0) {
        throw errorAt(start, "u32 LEB128 overflows 32 bits");
      }
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (int) result;
      }
    }
  }

  /** A u32 that must fit a non-negative Java int (counts, indices, sizes). */
  public int index() throws ComponentDecodeException {
    int at = pos;
    int v = u32();
    if (v < 0) {
      throw errorAt(at, "index or count too large: " + Integer.toUnsignedString(v));
    }
    return v;
  }

  /** An unsigned LEB128 of at most 64 bits. */
  public long u64() throws ComponentDecodeException {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 70) {
        throw errorAt(start, "u64 LEB128 longer than 10 bytes");
      }
      int b = u8();
      if (shift == 63 && (b & 0x7e) != 0) {
        throw errorAt(start, "u64 LEB128 overflows 64 bits");
      }
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }

  /** A signed LEB128 of at most 33 bits (core heap types and block types). */
  public long s33() throws ComponentDecodeException {
    int start = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      if (shift >= 35) {
        throw errorAt(start, "s33 LEB128 longer than 5 bytes");
      }
      b = u8();
      result |= (long) (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /**
   * A count of items, each at least {@code minItemSize} bytes: checked against the remaining
   * bytes before anyone allocates room for them.
   */
  public int count(int minItemSize) throws ComponentDecodeException {
    int at = pos;
    int n = index();
    if ((long) n * minItemSize > remaining()) {
      throw errorAt(at, "count " + n + " exceeds the " + remaining() + " remaining bytes");
    }
    return n;
  }

  /** A length-prefixed, validated UTF-8 string. */
  public String name() throws ComponentDecodeException {
    int at = pos;
    int len = index();
    if (len > remaining()) {
      throw errorAt(at, "name length " + len + " exceeds the " + remaining() + " remaining bytes");
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, pos, len))
              .toString();
      pos += len;
      return s;
    } catch (CharacterCodingException e) {
      throw errorAt(pos, "name is not valid UTF-8");
    }
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) throws ComponentDecodeException {
    if (n < 0 || n > remaining()) {
      throw error("cannot skip " + n + " bytes, " + remaining() + " remaining");
    }
    pos += n;
  }

  /** A sub-reader over the next {@code size} bytes; this reader moves past them. */
  public ByteReader slice(int size) throws ComponentDecodeException {
    if (size > remaining()) {
      throw error("size " + size + " exceeds the " + remaining() + " remaining bytes");
    }
    ByteReader r = new ByteReader(bytes, pos, pos + size);
    pos += size;
    return r;
  }
}
