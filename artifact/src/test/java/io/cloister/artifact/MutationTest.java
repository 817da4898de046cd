package io.cloister.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.compile.ArtifactCompiler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged uploads: every one is read or refused with an ArtifactException, nothing else escapes. */
class MutationTest {
  private static final long SEED = 20261204;

  @Test
  void randomlyDamagedCwasmFilesAreReadOrRefusedCleanly() throws Exception {
    byte[] cwasm = ArtifactCompiler.compile(Fixtures.component("adder.component.wasm"));
    Random random = new Random(SEED);
    int refused = 0;
    for (int i = 0; i < 2_000; i++) {
      byte[] damaged = cwasm.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        // half the damage in the first 200 bytes: the header, the engine id and the lengths
        int at = random.nextBoolean() ? random.nextInt(Math.min(200, damaged.length)) : random.nextInt(damaged.length);
        damaged[at] = (byte) random.nextInt(256);
      }
      try {
        Artifact.read(damaged);
      } catch (ArtifactException e) {
        assertThat(e.getMessage()).isNotBlank();
        refused++;
      }
    }
    assertThat(refused).as("most damage is noticed").isGreaterThan(1_000);
  }
}
