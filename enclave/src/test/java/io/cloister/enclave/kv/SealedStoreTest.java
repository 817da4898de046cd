package io.cloister.enclave.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.enclave.state.SealingKey;
import io.cloister.wasi.keyvalue.KeyPage;
import io.cloister.wasi.keyvalue.KeyValueException;
import io.cloister.wasi.keyvalue.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed store over a real RocksDB: it works as a bucket should, apps are isolated, the host
 * sees no plaintext, and each way the host can change a record is caught without disturbing the
 * keys it did not touch.
 */
class SealedStoreTest {
  @TempDir Path dir;
  RocksHostStore host;
  SealingKey sealing;
  SealedKeyValue kv;
  final List<String> tampering = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() throws Exception {
    host = RocksHostStore.open(dir.resolve("db"));
    sealing = SealingKey.simulated(dir);
    kv = new SealedKeyValue(host, sealing, (app, m) -> tampering.add(app + ": " + m));
  }

  @AfterEach
  void close() {
    host.close();
  }

  private KeyValueStore bucket(String app, String bucket) throws KeyValueException {
    return kv.buckets(app).open(bucket);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The host's view: the key {@code app}'s record of {@code key} in {@code bucket} is stored under. */
  private byte[] storedKeyOf(String app, String bucket, String key) throws Exception {
    return ((SealedStore) bucket(app, bucket)).storedKey(key);
  }

  @Test
  void itIsABucket() throws Exception {
    KeyValueStore b = bucket("app", "things");
    assertThat(b.get("missing")).isEmpty();
    b.set("b", utf8("2"));
    b.set("a", utf8("1"));
    b.set("c", utf8("3"));
    assertThat(b.get("a")).contains(utf8("1"));
    assertThat(b.exists("b")).isTrue();
    b.delete("b");
    assertThat(b.exists("b")).isFalse();
    assertThat(b.listKeys(Optional.empty()).keys()).containsExactly("a", "c");
    assertThat(b.increment("n", 5)).isEqualTo(5);
    assertThat(b.increment("n", 2)).isEqualTo(7);
    assertThat(b.compareAndSwap("a", Optional.of(utf8("1")), utf8("x"))).isTrue();
    assertThat(b.compareAndSwap("a", Optional.of(utf8("1")), utf8("y"))).isFalse();
    assertThat(b.get("a")).contains(utf8("x"));
    for (int i = 0; i < KeyValueStore.PAGE_SIZE + 5; i++) {
      b.set(String.format("k%05d", i), utf8("v"));
    }
    KeyPage first = b.listKeys(Optional.empty());
    assertThat(first.keys()).hasSize(KeyValueStore.PAGE_SIZE);
    KeyPage second = b.listKeys(first.cursor());
    assertThat(second.keys()).contains("n", "k01004").doesNotContainAnyElementsOf(first.keys());
  }

  @Test
  void anotherAppCannotNameReadOrListTheData() throws Exception {
    bucket("alice", "shared").set("secret", utf8("alice's"));
    KeyValueStore bob = bucket("bob", "shared");
    assertThat(bob.get("secret")).isEmpty();
    assertThat(bob.listKeys(Optional.empty()).keys()).isEmpty();
    bob.set("secret", utf8("bob's"));
    assertThat(bucket("alice", "shared").get("secret")).contains(utf8("alice's"));
    // A redeploy (same name) keeps its data: the keys come from the name, not the code.
    assertThat(bucket("alice", "shared").get("secret")).contains(utf8("alice's"));
    assertThat(tampering).isEmpty();
  }

  @Test
  void theHostSeesNoPlaintext() throws Exception {
    KeyValueStore b = bucket("marker-app", "marker-bucket");
    for (int i = 0; i < 200; i++) {
      b.set("marker-key-" + i, utf8("marker-value-" + i));
    }
    b.increment("marker-counter", 42);
    host.close();
    kv = null;
    try (Stream<Path> files = Files.walk(dir.resolve("db"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain("marker");
      }
    }
    host = RocksHostStore.open(dir.resolve("db"));
    kv = new SealedKeyValue(host, sealing, (app, m) -> tampering.add(app + ": " + m));
    assertThat(bucket("marker-app", "marker-bucket").get("marker-key-7"))
        .contains(utf8("marker-value-7"));
  }

  @Test
  void aSwapABitFlipAReplayAndADeletionAreCaughtAndOtherKeysStillWork() throws Exception {
    KeyValueStore b = bucket("app", "data");
    byte[] one = storedKeyOf("app", "data", "one");
    byte[] two = storedKeyOf("app", "data", "two");
    b.set("one", utf8("first"));
    b.set("two", utf8("second"));
    b.set("untouched", utf8("fine"));
    byte[] oneRecord = host.get(one).orElseThrow();
    byte[] twoRecord = host.get(two).orElseThrow();

    host.put(one, twoRecord); // swapped between keys
    assertThatThrownBy(() -> b.get("one"))
        .isInstanceOf(KeyValueException.class)
        .hasMessageContaining("key 'one'")
        .hasMessageContaining("does not authenticate");

    byte[] flipped = oneRecord.clone();
    flipped[20] ^= 1;
    host.put(one, flipped);
    assertThatThrownBy(() -> b.get("one")).hasMessageContaining("does not authenticate");

    host.put(one, oneRecord);
    assertThat(b.get("one")).contains(utf8("first"));
    b.set("one", utf8("newer"));
    host.put(one, oneRecord); // the old record put back
    assertThatThrownBy(() -> b.get("one")).hasMessageContaining("an older record");

    host.delete(two); // deleted on the host
    assertThatThrownBy(() -> b.get("two")).hasMessageContaining("deleted on the host");

    assertThat(b.get("untouched")).contains(utf8("fine"));
    assertThat(tampering).hasSize(4).allMatch(m -> m.startsWith("app: bucket 'data'"));

    // Another app's record in this app's place does not authenticate either.
    KeyValueStore other = bucket("other", "data");
    byte[] otherKey = storedKeyOf("other", "data", "one");
    other.set("one", utf8("other's"));
    host.put(one, host.get(otherKey).orElseThrow());
    assertThatThrownBy(() -> b.get("one")).hasMessageContaining("does not authenticate");
  }

  @Test
  void aBatchIsAllOrNothing() throws Exception {
    KeyValueStore b = bucket("app", "batch");
    b.setMany(
        List.of(Map.entry("x", utf8("1")), Map.entry("y", utf8("2")), Map.entry("x", utf8("3"))));
    assertThat(b.get("x")).contains(utf8("3"));
    assertThat(b.get("y")).contains(utf8("2"));
    byte[] tooLarge = new byte[KeyValueStore.MAX_VALUE_BYTES + 1];
    assertThatThrownBy(
            () -> b.setMany(List.of(Map.entry("z", utf8("new")), Map.entry("w", tooLarge))))
        .isInstanceOf(KeyValueException.class);
    assertThat(b.exists("z")).isFalse(); // the first one was not written either
    b.deleteMany(List.of("x", "y", "absent"));
    assertThat(b.listKeys(Optional.empty()).keys()).isEmpty();
    assertThat(tampering).isEmpty();
  }

  @Test
  void parallelIncrementsLoseNothing() throws Exception {
    KeyValueStore b = bucket("app", "counters");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  bucket("app", "counters").increment("hits", 1);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(b.increment("hits", 0)).isEqualTo(800);
  }
}
