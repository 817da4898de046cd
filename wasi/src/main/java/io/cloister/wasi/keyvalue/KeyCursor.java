package io.cloister.wasi.keyvalue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code string} cursors of wasi:keyvalue 0.2.0-draft2's {@code list-keys}: {@code "k1."} and
 * the unpadded base64url of the last key returned. Stateless, so a cursor stays valid across
 * instances, restarts and concurrent writes (the listing resumes after that key whether or not it
 * still exists), and URL-safe. Opaque to the guest: anything not made here is rejected.
 */
public final class KeyCursor {
  private static final String PREFIX = "k1.";

  /** Longest cursor accepted: the encoding of a key of {@link KeyValueStore#MAX_KEY_BYTES}. */
  static final int MAX_LENGTH = PREFIX.length() + (KeyValueStore.MAX_KEY_BYTES * 4 + 2) / 3;

  private KeyCursor() {}

  /** The cursor that continues a listing after {@code lastKey}. */
  public static String encode(String lastKey) {
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a cursor continues after; a cursor this class did not make is an {@code other} error
   * that says what is wrong with it.
   */
  public static String decode(String cursor) throws KeyValueException {
    if (cursor.length() > MAX_LENGTH) {
      throw invalid("longer than " + MAX_LENGTH + " characters");
    }
    if (!cursor.startsWith(PREFIX)) {
      throw invalid("does not start with '" + PREFIX + "'");
    }
    String body = cursor.substring(PREFIX.length());
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw invalid("not base64url: " + e.getMessage());
    }
    String after;
    try {
      after = StrictUtf8.decode(key);
    } catch (CharacterCodingException e) {
      throw invalid("its key is not UTF-8");
    }
    // padding or stray low bits decode too; one key has exactly one cursor
    if (!encode(after).equals(cursor)) {
      throw invalid("not in canonical form");
    }
    return after;
  }

  private static KeyValueException invalid(String why) {
    return KeyValueException.other("invalid list-keys cursor: " + why);
  }
}
