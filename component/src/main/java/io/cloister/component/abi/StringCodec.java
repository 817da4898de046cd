package io.cloister.component.abi;

import com.dylibso.chicory.runtime.Memory;
import io.cloister.component.values.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code string}: a (pointer, tagged length) pair in the option's encoding. Lowering follows the
 * spec's transcoding from a UTF-16 source (Java strings are UTF-16), including its realloc sizes.
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
    Memory m = cx.memory();
    return new Value.Str(loadFromRange(cx, m.readInt(ptr), m.readInt(ptr + 4)));
  }

  @Override
  void store(CallContext cx, Value v, int ptr) {
    long packed = storeIntoRange(cx, text(v));
    Memory m = cx.memory();
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
   * {@code store_string_into_range} from a UTF-16 source: returns the pointer in the high and the
   * tagged code-unit count in the low 32 bits.
   */
  static long storeIntoRange(CallContext cx, String s) {
    int units = s.length();
    checkScalarValues(s);
    return switch (cx.options().stringEncoding()) {
      case UTF8 -> storeUtf16ToUtf8(cx, s, units);
      case UTF16 -> {
        int ptr = cx.allocate(2, 2L * units, "string");
        cx.memory().write(ptr, s.getBytes(StandardCharsets.UTF_16LE));
        yield pack(ptr, units);
      }
      case LATIN1_UTF16 -> storeToLatin1OrUtf16(cx, s, units);
    };
  }

  /** {@code store_utf16_to_utf8}: optimistic 1 byte per unit, then worst case 3, then shrink. */
  private static long storeUtf16ToUtf8(CallContext cx, String s, int units) {
    int ptr = cx.allocate(1, units, "string");
    Memory m = cx.memory();
    int i = 0;
    while (i < units && s.charAt(i) < 0x80) {
      i++;
    }
    if (i == units) {
      m.write(ptr, s.getBytes(StandardCharsets.ISO_8859_1));
      return pack(ptr, units);
    }
    long worstCase = 3L * units;
    ptr = cx.reallocate(ptr, units, 1, worstCase, "string");
    byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
    m.write(ptr, encoded);
    if (worstCase > encoded.length) {
      ptr = cx.reallocate(ptr, (int) worstCase, 1, encoded.length, "string");
    }
    return pack(ptr, encoded.length);
  }

  /** {@code store_string_to_latin1_or_utf16}. */
  private static long storeToLatin1OrUtf16(CallContext cx, String s, int units) {
    int ptr = cx.allocate(2, units, "string");
    Memory m = cx.memory();
    boolean latin1 = true;
    for (int i = 0; i < units; i++) {
      if (s.charAt(i) >= 0x100) {
        latin1 = false;
        break;
      }
    }
    if (latin1) {
      m.write(ptr, s.getBytes(StandardCharsets.ISO_8859_1));
      return pack(ptr, units);
    }
    // The spec inflates the Latin-1 prefix in place; writing the whole UTF-16 encoding to the
    // reallocated range gives the same bytes.
    ptr = cx.reallocate(ptr, units, 2, 2L * units, "string");
    m.write(ptr, s.getBytes(StandardCharsets.UTF_16LE));
    return pack(ptr, units | UTF16_TAG);
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
