package io.cloister.artifact.format;

import io.cloister.artifact.ArtifactFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads big-endian fields from one bounded range of a file, reporting absolute offsets. */
final class Cursor {
  private final byte[] bytes;
  private int position;
  private final int end;

  Cursor(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  int position() {
    return position;
  }

  int remaining() {
    return end - position;
  }

  boolean atEnd() {
    return position == end;
  }

  ArtifactFormatException error(String expected) {
    return new ArtifactFormatException(position, expected);
  }

  private void need(int n, String what) throws ArtifactFormatException {
    if (remaining() < n) {
      throw error(what + " (" + n + " bytes), but only " + remaining() + " remain");
    }
  }

  int u8(String what) throws ArtifactFormatException {
    need(1, what);
    return bytes[position++] & 0xff;
  }

  int u16(String what) throws ArtifactFormatException {
    need(2, what);
    int v = ((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff);
    position += 2;
    return v;
  }

  long u32(String what) throws ArtifactFormatException {
    need(4, what);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes[position + i] & 0xff);
    }
    position += 4;
    return v;
  }

  /** A length or count that must fit in what remains, each entry at least {@code minSize} bytes. */
  int count(String what, long max, int minSize) throws ArtifactFormatException {
    int at = position;
    long n = u32(what);
    if (n > max) {
      throw new ArtifactFormatException(at, what + " of at most " + max + ", not " + n);
    }
    if (n * minSize > remaining()) {
      throw new ArtifactFormatException(
          at, what + " that fits in the " + remaining() + " bytes that remain, not " + n);
    }
    return (int) n;
  }

  byte[] bytes(int n, String what) throws ArtifactFormatException {
    need(n, what);
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  /** Moves past {@code n} bytes the caller has checked are there. */
  void skip(int n) {
    if (n > remaining()) {
      throw new IllegalStateException("skip past the end: " + n + " of " + remaining());
    }
    position += n;
  }

  byte[] blob(String what) throws ArtifactFormatException {
    return bytes(count(what + " length", Integer.MAX_VALUE, 1), what);
  }

  String string(String what) throws ArtifactFormatException {
    int at = position + 4;
    return utf8(blob(what), at, what);
  }

  /** The rest of the range as strict UTF-8. */
  String restAsUtf8(String what) throws ArtifactFormatException {
    int at = position;
    return utf8(bytes(remaining(), what), at, what);
  }

  private static String utf8(byte[] b, int at, String what) throws ArtifactFormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ArtifactFormatException(at, what + " in valid UTF-8");
    }
  }
}
