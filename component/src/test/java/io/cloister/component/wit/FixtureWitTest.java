package io.cloister.component.wit;

import static io.cloister.component.wit.WitPrinterTest.assertSameWit;
import static io.cloister.component.wit.WitPrinterTest.golden;

import io.cloister.component.binary.ValidatedComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared fixture, decoded and printed, declares exactly what {@code jco wit} prints for it. */
class FixtureWitTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".wasm"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void printsWhatJcoPrints(String fixture) throws Exception {
    ValidatedComponent component = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve(fixture)));

    String wit = WitPrinter.print(component.type());

    assertSameWit(wit, golden(fixture.substring(0, fixture.length() - ".wasm".length())));
  }
}
