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

  /**
   * Fixtures the runtime cannot instantiate yet, with the error each gives. Strict: when one is
   * fixed this test fails until its entry is removed, so the list stays true.
   */
  private static final Map<String, String> NOT_YET_INSTANTIABLE =
      Map.ofEntries(
          // Chicory 1.7.5's parser rejects the tiny start module whose import is named "" "".
          Map.entry("flavorful.component.wasm", "malformed import kind"),
          Map.entry("lists.component.wasm", "malformed import kind"),
          Map.entry("many-arguments.component.wasm", "malformed import kind"),
          Map.entry("numbers.component.wasm", "malformed import kind"),
          Map.entry("records.component.wasm", "malformed import kind"),
          Map.entry("resource-borrow-simple.component.wasm", "malformed import kind"),
          Map.entry("resource-import-and-export.component.wasm", "malformed import kind"),
          Map.entry("resources.component.wasm", "malformed import kind"),
          Map.entry("smoke.component.wasm", "malformed import kind"),
          Map.entry("strings.component.wasm", "malformed import kind"),
          Map.entry("variants.component.wasm", "malformed import kind"),
          // A NullPointerException inside the runtime, reported as a trap.
          Map.entry("simple-nested.component.wasm", "because \"cm\" is null"),
          Map.entry("utf8-utf16.composed.wasm", "uninitialized element"));

  @ParameterizedTest
  @MethodSource("io.cloister.component.wit.FixtureWitTest#fixtures")
  void everyUnmutatedFixtureInstantiatesWithStubbedImports(String fixture) throws Exception {
    // Otherwise the fuzzer reaches instantiation only for the fixtures that do.
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
    InstantiatingFuzzTarget target = new InstantiatingFuzzTarget();
    String knownError = NOT_YET_INSTANTIABLE.get(fixture);
    if (knownError == null) {
      target.accept(bytes);
    } else {
      assertThatThrownBy(() -> target.accept(bytes))
          .as("known runtime failure; remove the entry once fixed")
          .matches(target::isTypedRejection)
          .hasMessageContaining(knownError);
    }
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
