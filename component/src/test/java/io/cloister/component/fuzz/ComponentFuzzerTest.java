package io.cloister.component.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A short, fixed-seed run of the fuzzer over the decoder, validator and WIT printer. */
class ComponentFuzzerTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  @TempDir Path findings;

  @ParameterizedTest
  @MethodSource("io.cloister.component.wit.FixtureWitTest#fixtures")
  void everyUnmutatedFixtureInstantiatesWithStubbedImports(String fixture) throws Exception {
    // Otherwise the fuzzer reaches instantiation only for the fixtures that do.
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
    new InstantiatingFuzzTarget().accept(bytes);
  }

  @Test
  void fixedSeedRunHasNoFindings() {
    ComponentFuzzer.Config config =
        new ComponentFuzzer.Config(
            20261125L, Duration.ofMinutes(2), 300, Duration.ofSeconds(20), 256L * 1024 * 1024, FIXTURES, findings);

    ComponentFuzzer.Report report = new ComponentFuzzer(config, new InstantiatingFuzzTarget()).run();

    assertThat(report.iterations()).isEqualTo(300);
    assertThat(report.findings()).as(report.toString()).isEmpty();
    // The mutations must leave some inputs valid and make others invalid, or the run tests little.
    assertThat(report.rejected()).isPositive();
    assertThat(report.accepted()).isPositive();
  }
}
