package io.cloister.wasi.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCursorTest {

  @Test
  void roundTripsAnyKeyThroughAUrlSafeString() throws Exception {
    for (String key : List.of("", "k00001", "a/b?c=d&e", "ключ 🔑", "k".repeat(4096))) {
      String cursor = KeyCursor.encode(key);
      assertThat(cursor).matches("k1\\.[A-Za-z0-9_-]*");
      assertThat(KeyCursor.decode(cursor)).isEqualTo(key);
    }
  }

  @Test
  void rejectsWhatItDidNotMakeWithAnOtherError() {
    String tooLong = KeyCursor.encode("k".repeat(KeyValueStore.MAX_KEY_BYTES)) + "AAAA";
    for (String bad : List.of("", "k2.YQ", "k1.YQ==", "k1.YR", "k1.+/", "k1._w", tooLong)) {
      assertThatThrownBy(() -> KeyCursor.decode(bad))
          .as("cursor %s", bad)
          .isInstanceOfSatisfying(
              KeyValueException.class,
              e -> {
                assertThat(e.error()).isInstanceOf(KeyValueError.Other.class);
                assertThat(e.getMessage()).startsWith("invalid list-keys cursor: ");
              });
    }
  }
}
