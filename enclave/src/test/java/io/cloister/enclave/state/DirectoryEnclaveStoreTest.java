package io.cloister.enclave.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.enclave.protocol.DeploymentSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryEnclaveStoreTest {
  private static final RecordSeal SEAL = new RecordSeal(new byte[32]);

  @TempDir Path dir;

  private static DeploymentRecord record(String name, StagedArtifact a) {
    return new DeploymentRecord(
        new DeploymentSpec(name, "/" + name, Optional.empty(), Map.of("K", "v"), List.of()),
        List.of("wasi:random/random"),
        a.codeHash(),
        "component",
        a.size(),
        Instant.parse("2026-12-04T05:00:00Z"));
  }

  @Test
  void aDeploymentSurvivesReopeningWithItsArtifact() throws Exception {
    byte[] bytes = "component bytes".getBytes();
    DeploymentRecord r;
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    try (StagedArtifact a = store.stage(new ByteArrayInputStream(bytes), 1000)) {
      assertThat(a.size()).isEqualTo(bytes.length);
      r = record("hello", a);
      store.put(r, a);
    }
    DirectoryEnclaveStore reopened = DirectoryEnclaveStore.open(dir, SEAL);
    assertThat(reopened.deployments()).containsExactly(r);
    assertThat(reopened.artifact(r)).isEqualTo(bytes);
  }

  @Test
  void anOversizedUploadIsRefusedWithoutReadingTheRest() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            read.addAndGet(len);
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };
    assertThatThrownBy(() -> store.stage(endless, 1 << 20))
        .isInstanceOf(ArtifactTooLargeException.class)
        .hasMessageContaining("larger than 1048576 bytes");
    assertThat(read.get()).isLessThan((1 << 20) + 128 * 1024);
    try (var staging = Files.list(dir.resolve("staging"))) {
      assertThat(staging).isEmpty();
    }
  }

  @Test
  void aChangedArtifactIsDetected() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    DeploymentRecord r;
    try (StagedArtifact a = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
      r = record("hello", a);
      store.put(r, a);
    }
    Files.write(dir.resolve("artifacts").resolve(r.codeHashHex()), new byte[] {1, 2, 4});
    assertThatThrownBy(() -> store.artifact(r))
        .isInstanceOf(EnclaveStoreException.class)
        .hasMessageContaining("does not match its code hash");
  }

  @Test
  void removingTheLastDeploymentOfAnArtifactRemovesTheArtifact() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    DeploymentRecord a;
    DeploymentRecord b;
    try (StagedArtifact s = store.stage(new ByteArrayInputStream(new byte[] {9}), 10)) {
      a = record("one", s);
      store.put(a, s);
    }
    try (StagedArtifact s = store.stage(new ByteArrayInputStream(new byte[] {9}), 10)) {
      b = record("two", s);
      store.put(b, s);
    }
    Path artifact = dir.resolve("artifacts").resolve(a.codeHashHex());
    store.remove("one");
    assertThat(artifact).exists();
    assertThat(store.deployments()).containsExactly(b);
    store.remove("two");
    assertThat(artifact).doesNotExist();
    assertThat(store.deployments()).isEmpty();
  }

  @Test
  void aRecordTheHostWroteIsRefusedWithItsFile() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    Files.writeString(
        dir.resolve("apps").resolve("bad.sealed"), "{\"spec\": {\"name\": \"bad\", \"routePrefix\": \"/bad\"}}");
    assertThatThrownBy(store::deployments)
        .isInstanceOf(EnclaveStoreException.class)
        .hasMessageContaining("bad.sealed")
        .hasMessageContaining("does not authenticate");
  }

  @Test
  void recordsAreSealedToTheirAppAndToTheKey() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir, SEAL);
    try (StagedArtifact a = store.stage(new ByteArrayInputStream("one".getBytes()), 1000)) {
      store.put(record("one", a), a);
    }
    try (StagedArtifact a = store.stage(new ByteArrayInputStream("two".getBytes()), 1000)) {
      store.put(record("two", a), a);
    }
    Path one = dir.resolve("apps").resolve("one.sealed");
    Path two = dir.resolve("apps").resolve("two.sealed");
    // The variable's value and the spec are nowhere in the clear.
    for (Path f : List.of(one, two)) {
      String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("wasi:random").doesNotContain("\"K\"").doesNotContain("/one");
    }
    byte[] oneBytes = Files.readAllBytes(one);
    Files.write(one, Files.readAllBytes(two)); // another app's record in its place
    assertThatThrownBy(store::deployments).hasMessageContaining("the sealed record of one");
    byte[] flipped = oneBytes.clone();
    flipped[flipped.length - 1] ^= 1;
    Files.write(one, flipped);
    assertThatThrownBy(store::deployments).hasMessageContaining("does not authenticate");
    Files.write(one, oneBytes);
    assertThat(store.deployments()).extracting(DeploymentRecord::name).containsExactly("one", "two");
    assertThatThrownBy(() -> DirectoryEnclaveStore.open(dir, new RecordSeal(new byte[] {
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
          17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})).deployments())
        .hasMessageContaining("sealed by another enclave");
  }

  @Test
  void leftoverUploadsAreClearedOnOpen() throws Exception {
    DirectoryEnclaveStore.open(dir, SEAL);
    Files.write(dir.resolve("staging").resolve("upload-1.part"), new byte[100]);
    DirectoryEnclaveStore.open(dir, SEAL);
    try (var staging = Files.list(dir.resolve("staging"))) {
      assertThat(staging).isEmpty();
    }
  }
}
