package io.cloister.artifact.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.CodeHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache directory: entries by key, first write kept, oversized entries are misses. */
class DirectoryCodeCacheTest {
  @TempDir Path dir;

  private static final CacheKey KEY = new CacheKey("chicory/1.7.5 x", CodeHash.of(new byte[] {1}));

  @Test
  void storesAndFindsEntriesByKeyAndName() throws Exception {
    DirectoryCodeCache cache = new DirectoryCodeCache(dir.resolve("code"));

    cache.putIfAbsent(KEY, "a/b+c==", new byte[] {1, 2, 3});

    assertThat(cache.get(KEY, "a/b+c==")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    assertThat(cache.get(KEY, "other")).isEmpty();
    assertThat(cache.get(new CacheKey("chicory/1.7.6 x", KEY.componentHash()), "a/b+c==")).isEmpty();
    assertThat(cache.get(new CacheKey(KEY.engineId(), CodeHash.of(new byte[] {2})), "a/b+c==")).isEmpty();
    assertThat(new DirectoryCodeCache(dir.resolve("code")).get(KEY, "a/b+c==")).as("after a restart").isPresent();
  }

  @Test
  void theFirstEntryStaysAndNoTemporaryFileIsLeft() throws Exception {
    DirectoryCodeCache cache = new DirectoryCodeCache(dir);

    cache.putIfAbsent(KEY, "m", new byte[] {1});
    cache.putIfAbsent(KEY, "m", new byte[] {2});

    assertThat(cache.get(KEY, "m")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(1).allSatisfy(p -> assertThat(p.getFileName().toString()).hasSize(64));
    }
  }

  @Test
  void anEntryOverTheCapIsAMiss() throws Exception {
    DirectoryCodeCache cache = new DirectoryCodeCache(dir, 2);

    cache.putIfAbsent(KEY, "m", new byte[] {1, 2, 3});

    assertThat(cache.get(KEY, "m")).isEmpty();
  }
}
