package io.cloister.component.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzzer itself: it must report crashes, hangs and memory hogs, and be reproducible. */
class ComponentFuzzerHarnessTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  @TempDir Path findings;

  private ComponentFuzzer fuzzer(long iterations, Duration timeout, FuzzTarget target) {
    return new ComponentFuzzer(
        new ComponentFuzzer.Config(7, Duration.ofMinutes(1), iterations, timeout, 16L * 1024 * 1024, FIXTURES, findings),
        target);
  }

  @Test
  void untypedExceptionsAreFindingsSavedWithTheirSeed() throws Exception {
    FuzzTarget target = new FuzzTarget() {
      @Override
      public void accept(byte[] input) {
        if (input.length % 2 == 0) {
          throw new IllegalStateException("even length");
        }
        throw new UnsupportedOperationException("odd length");
      }

      @Override
      public boolean isTypedRejection(Throwable failure) {
        return failure instanceof UnsupportedOperationException;
      }
    };

    ComponentFuzzer.Report report = fuzzer(40, Duration.ofSeconds(5), target).run();

    assertThat(report.iterations()).isEqualTo(40);
    assertThat(report.findings()).isNotEmpty().allMatch(f -> f.kind().equals("crash"));
    assertThat(report.rejected() + report.findings().size()).isEqualTo(40);
    ComponentFuzzer.Finding first = report.findings().get(0);
    assertThat(Files.size(first.saved()) % 2).isZero();
    String text = Files.readString(first.saved().resolveSibling(first.saved().getFileName().toString().replace(".wasm", ".txt")));
    assertThat(text).contains("input seed: " + first.inputSeed()).contains("IllegalStateException: even length");
  }

  @Test
  void hangsAndMemoryHogsAreFindings() {
    AtomicInteger calls = new AtomicInteger();
    FuzzTarget target = new FuzzTarget() {
      @Override
      public void accept(byte[] input) throws InterruptedException {
        int call = calls.getAndIncrement();
        if (call == 0) {
          Thread.sleep(60_000);
        } else if (call == 1) {
          byte[][] hog = new byte[32][];
          for (int i = 0; i < hog.length; i++) {
            hog[i] = new byte[1024 * 1024];
          }
        }
      }

      @Override
      public boolean isTypedRejection(Throwable failure) {
        return false;
      }
    };

    ComponentFuzzer.Report report = fuzzer(3, Duration.ofSeconds(5), target).run();

    assertThat(report.findings()).extracting(ComponentFuzzer.Finding::kind).containsExactly("hang", "memory");
    assertThat(report.accepted()).isEqualTo(1);
  }

  @Test
  void mutationsAreDeterministicPerSeed() throws Exception {
    byte[] adder = Files.readAllBytes(FIXTURES.resolve("adder.component.wasm"));
    Mutator mutator = new Mutator(List.of(adder));
    for (long seed = 0; seed < 50; seed++) {
      Mutator.Mutant a = mutator.mutate(adder, new Random(seed));
      Mutator.Mutant b = mutator.mutate(adder, new Random(seed));
      assertThat(a.bytes()).isEqualTo(b.bytes());
      assertThat(a.steps()).isEqualTo(b.steps()).isNotEmpty();
    }
    assertThat(Arrays.equals(mutator.mutate(adder, new Random(1)).bytes(), adder)).isFalse();
  }

  @Test
  void overlongLebKeepsTheValue() {
    assertThat(Mutator.overlong(5, 2)).containsExactly(0x85, 0x80, 0x00);
    assertThat(Mutator.leb(0xffff_ffffL)).containsExactly(0xff, 0xff, 0xff, 0xff, 0x0f);
  }
}
