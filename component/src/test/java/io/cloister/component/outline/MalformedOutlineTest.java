package io.cloister.component.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.binary.ComponentDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed core modules make the outliner fail with a typed error naming the offset. */
class MalformedOutlineTest {
  private static byte[] module;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = MalformedOutlineTest.class.getResourceAsStream("/outline/outline.wasm")) {
      module = in.readAllBytes();
    }
  }

  @Test
  void aTruncatedModuleFailsWithTheOffsetInTheEnclosingBinary() {
    byte[] cut = Arrays.copyOf(module, module.length - 40);
    assertThatThrownBy(() -> new ModuleOutliner(120).outline(cut, 1000))
        .isInstanceOf(ComponentDecodeException.class)
        .satisfies(
            e -> assertThat(((ComponentDecodeException) e).offset())
                .isBetween(1000L, 1000L + cut.length));
  }

  @Test
  void anElseWithoutIfIsRejected() throws Exception {
    byte[] bad = module.clone();
    // make the end of the first body (which has no if at its top level) an else
    int end = ModuleLayout.read(module).bodies.get(0)[1] - 1;
    assertThat(bad[end]).isEqualTo((byte) 0x0B);
    bad[end] = 0x05;
    assertThatThrownBy(() -> new ModuleOutliner(120).outline(bad, 0))
        .isInstanceOf(ComponentDecodeException.class)
        .hasMessageContaining("else without a matching if");
  }

  @Test
  void mutatedModulesNeverCrashTheOutliner() {
    Random random = new Random(170);
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] m = module.clone();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        int at = 8 + random.nextInt(m.length - 8);
        m[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : m[at] ^ (1 << random.nextInt(8)));
      }
      try {
        new ModuleOutliner(120).outline(m, 0);
      } catch (ComponentDecodeException e) {
        assertThat(e.offset()).isBetween(0L, (long) m.length);
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }
}
