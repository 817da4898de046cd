package io.cloister.component.wit;

import static io.cloister.component.wit.WitPrinterTest.assertSameWit;
import static io.cloister.component.wit.WitPrinterTest.golden;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.types.ComponentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture, decoded and printed, declares exactly what {@code jco wit} prints for it;
 * with interface definitions, every interface the world names is defined.
 */
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

  @ParameterizedTest
  @MethodSource("fixtures")
  void definesEveryInterfaceTheWorldNames(String fixture) throws Exception {
    ComponentType type = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve(fixture))).type();

    String wit = WitPrinter.printWithInterfaces(type);

    assertThat(wit).startsWith(WitPrinter.print(type));
    String canonical = WitNormalizer.canonical(wit);
    Stream.concat(type.imports().stream(), type.exports().stream())
        .flatMap(d -> InterfaceName.parse(d.name()).stream())
        .forEach(
            name -> {
              String block = "package " + String.join(" ", WitNormalizer.tokenize(name.qualifiedPackage())) + " {\n";
              assertThat(canonical).as("a package block for %s", name).contains(block);
              String rest = canonical.substring(canonical.indexOf(block));
              assertThat(rest.substring(0, rest.indexOf("\n}\n") + 3))
                  .as("interface %s in its package block", name)
                  .contains("\n  interface " + name.interfaceName() + " {\n");
            });
  }

  @Test
  void interfaceDefinitionsMatchTheComponentsInstanceTypes() throws Exception {
    ComponentType type =
        ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve("resource-import-and-export.component.wasm"))).type();

    assertSameWit(WitPrinter.printWithInterfaces(type), golden("interfaces/resource-import-and-export.component"));
  }
}
