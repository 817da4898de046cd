package io.cloister.component.binary;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture decodes and validates, and its resolved imports and exports are those the
 * pinned {@code jco wit} prints for it (golden files in {@code src/test/resources/wit}).
 */
class FixtureDecodeTest {
  static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wasm")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void decodesAndMatchesJcoWorld(String file) throws Exception {
    ValidatedComponent c = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve(file)));
    List<String> golden = worldLines(file.replaceAll("\\.wasm$", ".wit"));

    List<String> expected = new ArrayList<>();
    for (String line : golden) {
      expected.add(line);
    }
    List<String> actual = new ArrayList<>();
    for (ExternDecl d : c.type().imports()) {
      if (isWorldLine(d)) {
        actual.add(describe("import", d));
      }
    }
    for (ExternDecl d : c.type().exports()) {
      if (isWorldLine(d)) {
        actual.add(describe("export", d));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** jco prints root-level resources and their functions as resource blocks, not as lines. */
  private static boolean isWorldLine(ExternDecl d) {
    return !(d.type() instanceof TypeExtern) && !d.name().startsWith("[");
  }

  /** A world-level item as our types describe it, in the golden file's line syntax. */
  private static String describe(String dir, ExternDecl d) {
    if (d.type() instanceof FuncType f) {
      return dir + " " + d.name() + ": func" + signature(f) + ";";
    }
    if (d.name().contains(":")) {
      return dir + " " + d.name() + ";";
    }
    return dir + " " + d.name() + ": interface {";
  }

  static String signature(FuncType f) {
    String params =
        f.params().stream().map(p -> p.name() + ": " + wit(p.type())).collect(Collectors.joining(", "));
    return "(" + params + ")" + f.result().map(r -> " -> " + wit(r)).orElse("");
  }

  static String wit(ValType t) {
    return switch (t) {
      case PrimitiveType p -> p.witName();
      case ListType l -> "list<" + wit(l.element()) + ">";
      case OptionType o -> "option<" + wit(o.element()) + ">";
      case TupleType tu -> "tuple<" + tu.elements().stream().map(FixtureDecodeTest::wit).collect(Collectors.joining(", ")) + ">";
      case ResultType r ->
          r.ok().isEmpty() && r.error().isEmpty()
              ? "result"
              : "result<" + r.ok().map(FixtureDecodeTest::wit).orElse("_")
                  + r.error().map(e -> ", " + wit(e)).orElse("") + ">";
      case OwnType o -> o.resource().name();
      case BorrowType b -> "borrow<" + b.resource().name() + ">";
      default -> t.getClass().getSimpleName();
    };
  }

  /** The golden world's top-level import and export lines (inline interfaces by their header). */
  private static List<String> worldLines(String witFile) throws IOException {
    String text;
    try (InputStream in = FixtureDecodeTest.class.getResourceAsStream("/wit/" + witFile)) {
      assertThat(in).as("golden file " + witFile).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    Pattern item = Pattern.compile("^  ((?:import|export) .*)$");
    for (String line : text.split("\n")) {
      Matcher m = item.matcher(line);
      if (m.matches()) {
        out.add(m.group(1).trim());
      }
    }
    return out;
  }

  @Test
  void resolvesInterfaceFunctionSignatures() throws Exception {
    ValidatedComponent adder = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve("adder.component.wasm")));
    FuncType add = (FuncType) instance(adder, "docs:adder/add@0.1.0").export("add").orElseThrow().type();
    assertThat(signature(add)).isEqualTo("(x: u32, y: u32) -> u32");

    ValidatedComponent numbers = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve("numbers.component.wasm")));
    InstanceType exported = instance(numbers, "test:numbers/test");
    assertThat(signature((FuncType) exported.export("roundtrip-u8").orElseThrow().type()))
        .isEqualTo("(a: u8) -> u8");
    assertThat(signature((FuncType) exported.export("roundtrip-f64").orElseThrow().type()))
        .isEqualTo("(a: f64) -> f64");
    InstanceType imported = (InstanceType) numbers.type().importNamed("test:numbers/test").orElseThrow().type();
    assertThat(signature((FuncType) imported.export("roundtrip-s64").orElseThrow().type()))
        .isEqualTo("(a: s64) -> s64");
  }

  @Test
  void resourceTypesKeepTheirIdentityAcrossAliases() throws Exception {
    ValidatedComponent smoke = ValidatedComponent.of(Files.readAllBytes(FIXTURES.resolve("smoke.component.wasm")));
    InstanceType streams = (InstanceType) smoke.type().importNamed("wasi:io/streams@0.2.0").orElseThrow().type();
    InstanceType stdout = (InstanceType) smoke.type().importNamed("wasi:cli/stdout@0.2.0").orElseThrow().type();
    Object outputStream = ((TypeExtern) streams.export("output-stream").orElseThrow().type()).type();
    Object viaStdout = ((TypeExtern) stdout.export("output-stream").orElseThrow().type()).type();
    assertThat(viaStdout).isSameAs(outputStream);
    FuncType getStdout = (FuncType) stdout.export("get-stdout").orElseThrow().type();
    assertThat(((OwnType) getStdout.result().orElseThrow()).resource()).isSameAs(outputStream);
  }

  static InstanceType instance(ValidatedComponent c, String exportName) {
    return (InstanceType) c.type().exportNamed(exportName).orElseThrow().type();
  }

  static String paramNames(FuncType f) {
    return f.params().stream().map(Param::name).collect(Collectors.joining(","));
  }
}
