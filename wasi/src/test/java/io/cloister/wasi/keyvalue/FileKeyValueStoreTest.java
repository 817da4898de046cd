package io.cloister.wasi.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyValueStoreTest extends KeyValueStoreContract {
  @TempDir Path dir;
  private int stores;

  @Override
  KeyValueStore newStore() throws Exception {
    return FileKeyValueStore.open(dir.resolve("s" + stores++));
  }

  // Every write is synced to disk (about 10 ms here): fewer writes keep the suite short.
  @Override
  int incrementsPerThread() {
    return 10;
  }

  // The paging itself is shared with the in-memory store and tested there with 1005 keys.
  @Test
  @Override
  void listKeysPagesInOrderWithCursors() throws Exception {
    KeyValueStore s = newStore();
    s.set("b", new byte[0]);
    s.set("a", new byte[0]);
    s.set("c", new byte[0]);
    assertThat(s.listKeys(Optional.empty()).keys()).containsExactly("a", "b", "c");
    assertThat(s.listKeys(Optional.of("a")).keys()).containsExactly("b", "c");
  }

  @Test
  void survivesReopen() throws Exception {
    Path d = dir.resolve("bucket");
    FileKeyValueStore s = FileKeyValueStore.open(d);
    s.set("greeting", bytes("hello"));
    s.set("gone", bytes("x"));
    s.delete("gone");
    s.increment("n", 41);
    s.increment("n", 1);

    FileKeyValueStore again = FileKeyValueStore.open(d);
    assertThat(again.get("greeting").orElseThrow()).isEqualTo(bytes("hello"));
    assertThat(again.exists("gone")).isFalse();
    assertThat(again.increment("n", 0)).isEqualTo(42);
    assertThat(again.listKeys(Optional.empty()).keys()).containsExactly("greeting", "n");
  }

  @Test
  void rejectsACorruptedEntryNamingFileAndOffset() throws Exception {
    Path d = dir.resolve("bucket");
    FileKeyValueStore.open(d).set("k", bytes("value"));
    Path entry = onlyEntry(d);
    byte[] raw = Files.readAllBytes(entry);
    raw[raw.length - 33] ^= 1; // the value's last byte
    Files.write(entry, raw);
    assertThatThrownBy(() -> FileKeyValueStore.open(d))
        .isInstanceOf(KeyValueException.class)
        .hasMessageContaining(entry.getFileName().toString())
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("at byte " + (raw.length - 32));
  }

  @Test
  void rejectsTruncatedAndForeignFiles() throws Exception {
    Path d = dir.resolve("bucket");
    FileKeyValueStore.open(d).set("k", bytes("value"));
    Path entry = onlyEntry(d);
    byte[] raw = Files.readAllBytes(entry);
    Files.write(entry, Arrays.copyOf(raw, 10));
    assertThatThrownBy(() -> FileKeyValueStore.open(d)).hasMessageContaining("truncated");
    Files.write(entry, raw);
    Files.writeString(d.resolve("notes.txt"), "hi");
    assertThatThrownBy(() -> FileKeyValueStore.open(d)).hasMessageContaining("unexpected file");
  }

  @Test
  void rejectsAnEntryMovedUnderAnotherKeysName() throws Exception {
    Path d = dir.resolve("bucket");
    FileKeyValueStore s = FileKeyValueStore.open(d);
    s.set("a", bytes("1"));
    Path a = onlyEntry(d);
    s.delete("a");
    s.set("b", bytes("2"));
    Path b = onlyEntry(d);
    Files.move(b, a);
    assertThatThrownBy(() -> FileKeyValueStore.open(d))
        .hasMessageContaining("belongs in another file");
  }

  @Test
  void leftoverTemporaryFilesFromACrashAreIgnored() throws Exception {
    Path d = dir.resolve("bucket");
    FileKeyValueStore.open(d).set("k", bytes("old"));
    Path entry = onlyEntry(d);
    Files.writeString(d.resolve(entry.getFileName() + ".tmp-crashed"), "half a wri");
    FileKeyValueStore again = FileKeyValueStore.open(d);
    assertThat(again.get("k").orElseThrow()).isEqualTo(bytes("old"));
    assertThat(onlyEntry(d)).isEqualTo(entry);
  }

  @Test
  void bucketsLiveInSeparateDirectories() throws Exception {
    FileKeyValueBuckets buckets = new FileKeyValueBuckets(dir.resolve("app"));
    buckets.open("../etc").set("k", bytes("v"));
    assertThat(buckets.open("../etc").exists("k")).isTrue();
    assertThat(buckets.open("other").exists("k")).isFalse();
    try (Stream<Path> s = Files.list(dir.resolve("app"))) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("b-2e2e2f657463");
    }
  }

  private static Path onlyEntry(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".kv"))
          .reduce(
              (x, y) -> {
                throw new AssertionError("more than one entry");
              })
          .orElseThrow();
    }
  }
}
