package io.cloister.wasi.keyvalue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes keys read back from outside (files, cursors), refusing rather than replacing bad UTF-8.
 */
final class StrictUtf8 {
  private StrictUtf8() {}

  /** The string {@code bytes} encode; malformed UTF-8 throws. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
