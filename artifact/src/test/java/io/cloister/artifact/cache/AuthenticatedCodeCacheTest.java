package io.cloister.artifact.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.CodeHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tagged entries: found under the right key, a miss once the host touched them. */
class AuthenticatedCodeCacheTest {
  @TempDir Path dir;

  private static final CacheKey KEY = new CacheKey("chicory/1.7.5 x", CodeHash.of(new byte[] {1}));

  private AuthenticatedCodeCache cache(byte fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, fill);
    return new AuthenticatedCodeCache(new DirectoryCodeCache(dir), new SecretKeySpec(k, "HmacSHA256"));
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void anUntouchedEntryIsFound() throws Exception {
    cache((byte) 1).putIfAbsent(KEY, "m", new byte[] {7, 8});

    assertThat(cache((byte) 1).get(KEY, "m")).hasValueSatisfying(b -> assertThat(b).containsExactly(7, 8));
  }

  @Test
  void anAlteredEntryIsAMiss() throws Exception {
    cache((byte) 1).putIfAbsent(KEY, "m", new byte[] {7, 8});
    Path file = files().getFirst();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);

    assertThat(cache((byte) 1).get(KEY, "m")).isEmpty();
  }

  @Test
  void anEntryUnderAnotherKeyOrSecretIsAMiss() throws Exception {
    cache((byte) 1).putIfAbsent(KEY, "m", new byte[] {7, 8});
    // the host copies the entry to where another component's entry would be
    CacheKey other = new CacheKey(KEY.engineId(), CodeHash.of(new byte[] {2}));
    DirectoryCodeCache raw = new DirectoryCodeCache(dir);
    raw.putIfAbsent(other, "m", raw.get(KEY, "m").orElseThrow());

    assertThat(cache((byte) 1).get(other, "m")).isEmpty();
    assertThat(cache((byte) 2).get(KEY, "m")).isEmpty();
    for (Path f : files()) {
      Files.write(f, new byte[5]);
    }
    assertThat(cache((byte) 1).get(KEY, "m")).as("truncated").isEmpty();
  }
}
