package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.values.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code string}: a (pointer, tagged length) pair in the option's encoding. Lifting decodes and
 * validates; lowering allocates exactly once (see {@link #storeIntoRange}).
 */
final class StringCodec extends Codec {
  /** The spec's {@code MAX_STRING_BYTE_LENGTH}. */
  static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;

  private static final int UTF16_TAG = 1 << 31;

  StringCodec() {
    super("string", 8, 4, new FlatType[] {FlatType.I32, FlatType.I32});
  }

  @Override
  Value liftFlat(CallContext cx, long[] src, int pos) {
    return new Value.Str(loadFromRange(cx, (int) src[pos], (int) src[pos + 1]));
  }

  @Override
  void lowerFlat(CallContext cx, Value v, long[] dst, int pos) {
    long packed = storeIntoRange(cx, text(v));
    dst[pos] = (int) (packed >>> 32);
    dst[pos + 1] = (int) packed;
  }

  @Override
  Value load(CallContext cx, int ptr) {
    LinearMemory m = cx.memory();
    return new Value.Str(loadFromRange(cx, m.readInt(ptr), m.readInt(ptr + 4)));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    long packed = storeIntoRange(cx, text(v));
    LinearMemory m = cx.memory();
    m.writeI32(ptr, (int) (packed >>> 32));
    m.writeI32(ptr + 4, (int) packed);
  }

  private String text(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw mismatch(v);
  }

  /** {@code load_string_from_range}. */
  static String loadFromRange(CallContext cx, int ptr, int taggedCodeUnits) {
    long units = Integer.toUnsignedLong(taggedCodeUnits);
    int alignment;
    long byteLength;
    Charset charset;
    switch (cx.options().stringEncoding()) {
      case UTF8 -> {
        alignment = 1;
        byteLength = units;
        charset = StandardCharsets.UTF_8;
      }
      case UTF16 -> {
        alignment = 2;
        byteLength = 2 * units;
        charset = StandardCharsets.UTF_16LE;
      }
      default -> {
        alignment = 2;
        if ((taggedCodeUnits & UTF16_TAG) != 0) {
          byteLength = 2 * (units ^ Integer.toUnsignedLong(UTF16_TAG));
          charset = StandardCharsets.UTF_16LE;
        } else {
          byteLength = units;
          charset = StandardCharsets.ISO_8859_1;
        }
      }
    }
    if (byteLength > MAX_STRING_BYTE_LENGTH) {
      throw new CanonicalAbiTrap(
          "string of " + byteLength + " bytes exceeds the limit of " + MAX_STRING_BYTE_LENGTH);
    }
    cx.checkRange(ptr, byteLength, alignment, "string");
    byte[] bytes = cx.memory().readBytes(ptr, (int) byteLength);
    if (charset == StandardCharsets.ISO_8859_1 || isAscii(charset, bytes)) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CanonicalAbiTrap(
          "string at 0x" + Integer.toHexString(ptr) + " is not valid " + charset.name(), e);
    }
  }

  private static boolean isAscii(Charset charset, byte[] bytes) {
    if (charset != StandardCharsets.UTF_8) {
      return false;
    }
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code store_string_into_range}: returns the pointer in the high and the tagged code-unit count
   * in the low 32 bits.
   *
   * <p>A host string has no source encoding of its own, so the host picks the one that matches the
   * destination: the spec's {@code store_string_copy} then applies, one exact {@code realloc(0, 0,
   * alignment, size)} and no reallocation. (Guests' import allocators, such as the WASI preview-1
   * adapter's {@code cabi_import_realloc}, only support fresh allocations; wasmtime does the same.)
   */
  static long storeIntoRange(CallContext cx, String s) {
    checkScalarValues(s);
    return switch (cx.options().stringEncoding()) {
      case UTF8 -> copy(cx, s.getBytes(StandardCharsets.UTF_8), 1, 0);
      case UTF16 -> copy(cx, s.getBytes(StandardCharsets.UTF_16LE), 2, s.length());
      case LATIN1_UTF16 -> {
        if (isLatin1(s)) {
          yield copy(cx, s.getBytes(StandardCharsets.ISO_8859_1), 2, s.length());
        }
        // store_probably_utf16_to_latin1_or_utf16 with a code point past Latin-1: tagged UTF-16.
        yield copy(cx, s.getBytes(StandardCharsets.UTF_16LE), 2, s.length() | UTF16_TAG);
      }
    };
  }

  /** {@code store_string_copy}; {@code taggedUnits} 0 means "the byte count" (UTF-8). */
  private static long copy(CallContext cx, byte[] bytes, int alignment, int taggedUnits) {
    if (bytes.length > MAX_STRING_BYTE_LENGTH) {
      throw new ValueMismatchException(
          "string of " + bytes.length + " bytes exceeds the limit of " + MAX_STRING_BYTE_LENGTH);
    }
    int ptr = cx.allocate(alignment, bytes.length, "string");
    cx.memory().write(ptr, bytes);
    return pack(ptr, taggedUnits == 0 ? bytes.length : taggedUnits);
  }

  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x100) {
        return false;
      }
    }
    return true;
  }

  /** Java strings may hold lone surrogates; a component string may not. */
  private static void checkScalarValues(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new ValueMismatchException(
              "string has an unpaired surrogate at index " + i + ": not a Unicode string");
        }
      }
    }
  }

  private static long pack(int ptr, int taggedUnits) {
    return ((long) ptr << 32) | Integer.toUnsignedLong(taggedUnits);
  }
}
