package io.cloister.wasi.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link KeyValueStore} shares; each implementation's test extends it. */
abstract class KeyValueStoreContract {

  abstract KeyValueStore newStore() throws Exception;

  /** Increments each of 16 threads makes in {@link #parallelIncrementsNeverLoseAnUpdate}. */
  int incrementsPerThread() {
    return 200;
  }

  @Test
  void setGetDeleteExists() throws Exception {
    KeyValueStore s = newStore();
    assertThat(s.get("a")).isEmpty();
    assertThat(s.exists("a")).isFalse();
    s.set("a", bytes("1"));
    s.set("a", bytes("2"));
    assertThat(s.get("a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("2")));
    assertThat(s.exists("a")).isTrue();
    s.delete("a");
    s.delete("never-there");
    assertThat(s.exists("a")).isFalse();
  }

  @Test
  void storedValuesAreCopies() throws Exception {
    KeyValueStore s = newStore();
    byte[] v = bytes("abc");
    s.set("k", v);
    v[0] = 'z';
    s.get("k").orElseThrow()[1] = 'z';
    assertThat(s.get("k").orElseThrow()).isEqualTo(bytes("abc"));
  }

  @Test
  void listKeysPagesInOrderWithCursors() throws Exception {
    KeyValueStore s = newStore();
    for (int i = 0; i < KeyValueStore.PAGE_SIZE + 5; i++) {
      s.set(String.format("k%05d", i), new byte[0]);
    }
    KeyPage first = s.listKeys(Optional.empty());
    assertThat(first.keys()).hasSize(KeyValueStore.PAGE_SIZE).startsWith("k00000");
    assertThat(first.cursor()).isPresent();
    KeyPage second = s.listKeys(first.cursor());
    assertThat(second.keys()).containsExactly("k01000", "k01001", "k01002", "k01003", "k01004");
    assertThat(second.cursor()).isEmpty();
  }

  @Test
  void listingContinuesAfterItsCursorKeyWhateverChangedMeanwhile() throws Exception {
    KeyValueStore s = newStore();
    for (String k : List.of("a", "c", "e", "g")) {
      s.set(k, new byte[0]);
    }
    String cursor = "c"; // as if a page had ended at "c"
    s.delete("c"); // the cursor's own key goes away
    s.delete("g");
    s.set("b", new byte[0]); // before the cursor: belongs to the part already listed
    s.set("d", new byte[0]); // after the cursor: shows up
    assertThat(s.listKeys(Optional.of(cursor)).keys()).containsExactly("d", "e");
  }

  @Test
  void compareAndSwapComparesContents() throws Exception {
    KeyValueStore s = newStore();
    assertThat(s.compareAndSwap("k", Optional.of(bytes("x")), bytes("1"))).isFalse();
    assertThat(s.exists("k")).isFalse();
    assertThat(s.compareAndSwap("k", Optional.empty(), bytes("1"))).isTrue();
    assertThat(s.compareAndSwap("k", Optional.empty(), bytes("2"))).isFalse();
    assertThat(s.compareAndSwap("k", Optional.of(bytes("1")), bytes("2"))).isTrue();
    assertThat(s.get("k").orElseThrow()).isEqualTo(bytes("2"));
  }

  @Test
  void incrementCountsFromZeroAndRejectsNonCounters() throws Exception {
    KeyValueStore s = newStore();
    assertThat(s.increment("c", 5)).isEqualTo(5);
    assertThat(s.increment("c", -1L)).isEqualTo(4); // u64 arithmetic wraps
    assertThat(s.get("c").orElseThrow()).hasSize(8);
    s.set("text", bytes("hello"));
    assertThatThrownBy(() -> s.increment("text", 1))
        .isInstanceOfSatisfying(
            KeyValueException.class,
            e -> assertThat(e.error()).isInstanceOf(KeyValueError.Other.class));
  }

  @Test
  void parallelIncrementsNeverLoseAnUpdate() throws Exception {
    KeyValueStore s = newStore();
    int threads = 16;
    int perThread = incrementsPerThread();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    s.increment("hits", 1);
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    assertThat(s.increment("hits", 0)).isEqualTo((long) threads * perThread);
  }

  @Test
  void oversizedKeysAreRejected() throws Exception {
    KeyValueStore s = newStore();
    String longKey = "k".repeat(KeyValueStore.MAX_KEY_BYTES + 1);
    assertThatThrownBy(() -> s.set(longKey, new byte[1])).isInstanceOf(KeyValueException.class);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
