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
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir);
    try (StagedArtifact a = store.stage(new ByteArrayInputStream(bytes), 1000)) {
      assertThat(a.size()).isEqualTo(bytes.length);
      r = record("hello", a);
      store.put(r, a);
    }
    DirectoryEnclaveStore reopened = DirectoryEnclaveStore.open(dir);
    assertThat(reopened.deployments()).containsExactly(r);
    assertThat(reopened.artifact(r)).isEqualTo(bytes);
  }

  @Test
  void anOversizedUploadIsRefusedWithoutReadingTheRest() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir);
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
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir);
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
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir);
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
  void aCorruptRecordIsReportedWithItsFile() throws Exception {
    DirectoryEnclaveStore store = DirectoryEnclaveStore.open(dir);
    Files.writeString(dir.resolve("apps").resolve("bad.json"), "{\"spec\": {\"name\": 3}");
    assertThatThrownBy(store::deployments)
        .isInstanceOf(EnclaveStoreException.class)
        .hasMessageContaining("bad.json");
  }

  @Test
  void leftoverUploadsAreClearedOnOpen() throws Exception {
    DirectoryEnclaveStore.open(dir);
    Files.write(dir.resolve("staging").resolve("upload-1.part"), new byte[100]);
    DirectoryEnclaveStore.open(dir);
    try (var staging = Files.list(dir.resolve("staging"))) {
      assertThat(staging).isEmpty();
    }
  }
}
