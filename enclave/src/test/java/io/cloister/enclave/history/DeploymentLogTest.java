package io.cloister.enclave.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.merkle.TreeHasher;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.LogTreeHead;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log on a real disk: it survives reopening, and each way a host can change it is caught. */
class DeploymentLogTest {
  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private static DeploymentLogEntry entry(long index, String app) {
    return new DeploymentLogEntry(
        index,
        Instant.parse("2026-12-04T12:00:00Z").plusSeconds(index),
        "deploy",
        app,
        Optional.of("ab".repeat(32)),
        Optional.of("/" + app),
        Optional.of(app + ".localhost"),
        List.of("wasi:http/incoming-handler"),
        "token:0011223344556677");
  }

  private static LogTreeHead fill(Path dir, int n) throws Exception {
    try (DeploymentLog log = DeploymentLog.open(dir, KEY)) {
      LogTreeHead head = log.head();
      for (int i = 0; i < n; i++) {
        String app = "app" + i;
        head = log.append(index -> entry(index, app));
      }
      return head;
    }
  }

  /** The byte offset of record {@code i} in the entries file. */
  private static int offset(byte[] file, int i) {
    int at = 0;
    for (int k = 0; k < i; k++) {
      at += 4 + ByteBuffer.wrap(file, at, 4).getInt() + 32;
    }
    return at;
  }

  @Test
  void itSurvivesReopeningAndItsRootIsTheRfc9162RootOfItsLeaves(@TempDir Path dir) throws Exception {
    LogTreeHead head = fill(dir, 3);
    assertThat(head.size()).isEqualTo(3);
    try (DeploymentLog log = DeploymentLog.open(dir, KEY)) {
      assertThat(log.head()).isEqualTo(head);
      byte[] leaf1 = log.leaves(1, 1).get(0);
      assertThat(leaf1).isEqualTo(entry(1, "app1").leaf());
      assertThat(log.inclusionProof(1, 3).rootFromLeafHash(TreeHasher.leafHash(leaf1)))
          .isEqualTo(head.rootBytes());
      LogTreeHead four = log.append(i -> entry(i, "app3"));
      log.consistencyProof(3, 4).verify(head.rootBytes(), four.rootBytes());
    }
  }

  @Test
  void aTruncatedLogIsCaught(@TempDir Path dir) throws Exception {
    fill(dir, 3);
    Path entries = dir.resolve(DeploymentLog.ENTRIES);
    byte[] file = Files.readAllBytes(entries);
    Files.write(entries, Arrays.copyOf(file, offset(file, 2)));
    assertThatThrownBy(() -> DeploymentLog.open(dir, KEY))
        .isInstanceOf(DeploymentLogException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("says 3 entries")
        .satisfies(e -> assertThat(((DeploymentLogException) e).kind())
            .isEqualTo(DeploymentLogException.Kind.TRUNCATED));
  }

  @Test
  void aFlippedBitASwapAndAnotherKeyAreCaught(@TempDir Path dir) throws Exception {
    fill(dir, 3);
    Path entries = dir.resolve(DeploymentLog.ENTRIES);
    byte[] file = Files.readAllBytes(entries);

    byte[] flipped = file.clone();
    flipped[offset(file, 1) + 10] ^= 1;
    Files.write(entries, flipped);
    assertThatThrownBy(() -> DeploymentLog.open(dir, KEY))
        .hasMessageContaining("entry 1 of the deployment log does not carry its MAC");

    int one = offset(file, 1);
    int two = offset(file, 2);
    byte[] swapped = new byte[file.length];
    System.arraycopy(file, 0, swapped, 0, one);
    System.arraycopy(file, two, swapped, one, file.length - two);
    System.arraycopy(file, one, swapped, one + file.length - two, two - one);
    Files.write(entries, swapped);
    assertThatThrownBy(() -> DeploymentLog.open(dir, KEY))
        .satisfies(e -> assertThat(((DeploymentLogException) e).kind())
            .isEqualTo(DeploymentLogException.Kind.REWRITTEN));

    Files.write(entries, file);
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> DeploymentLog.open(dir, other))
        .hasMessageContaining("entry 0 of the deployment log does not carry its MAC");
    assertThat(DeploymentLog.open(dir, KEY).head().size()).isEqualTo(3); // untouched again: fine
  }

  @Test
  void anEditedHeadIsCaught(@TempDir Path dir) throws Exception {
    LogTreeHead head = fill(dir, 2);
    Path headFile = dir.resolve(DeploymentLog.HEAD);
    String text = Files.readString(headFile);
    Files.writeString(headFile, text.replace(head.root(), "00".repeat(32)));
    assertThatThrownBy(() -> DeploymentLog.open(dir, KEY))
        .hasMessageContaining("head")
        .hasMessageContaining("MAC");
  }

  @Test
  void aCrashMidAppendOrBeforeTheHeadLosesNothingAcknowledged(@TempDir Path dir) throws Exception {
    fill(dir, 2);
    Path entries = dir.resolve(DeploymentLog.ENTRIES);
    Path headFile = dir.resolve(DeploymentLog.HEAD);
    byte[] headAtTwo = Files.readAllBytes(headFile);
    // The third append reached the entries file, its head did not.
    try (DeploymentLog log = DeploymentLog.open(dir, KEY)) {
      log.append(i -> entry(i, "app2"));
    }
    Files.write(headFile, headAtTwo);
    try (DeploymentLog log = DeploymentLog.open(dir, KEY)) {
      assertThat(log.head().size()).isEqualTo(3);
    }
    // A fourth record torn halfway: dropped, the three before it stay.
    byte[] file = Files.readAllBytes(entries);
    byte[] torn = Arrays.copyOf(file, file.length + 9);
    ByteBuffer.wrap(torn, file.length, 4).putInt(200);
    Files.write(entries, torn);
    try (DeploymentLog log = DeploymentLog.open(dir, KEY)) {
      assertThat(log.head().size()).isEqualTo(3);
    }
    assertThat(Files.size(entries)).isEqualTo(file.length);
  }
}
