package io.cloister.component.wit;

import static io.cloister.component.types.PrimitiveType.S32;
import static io.cloister.component.types.PrimitiveType.STRING;
import static io.cloister.component.types.PrimitiveType.U32;
import static io.cloister.component.types.PrimitiveType.U64;
import static io.cloister.component.types.PrimitiveType.U8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The printer on hand-built component types (the decoder's output has the same shape: one object
 * per type definition), compared with jco's output for the fixture they mirror.
 */
class WitPrinterTest {

  @Test
  void worldLevelResourceWithConstructorAndBorrow() throws IOException {
    ResourceType r = new ResourceType("r");
    ComponentType component =
        new ComponentType(
            List.of(
                new ExternDecl("r", new TypeExtern(r)),
                new ExternDecl("test", func(List.of(param("r", new BorrowType(r))), null)),
                new ExternDecl("[constructor]r", func(List.of(), new OwnType(r)))),
            List.of(new ExternDecl("test-imports", func(List.of(), null))));

    String wit = WitPrinter.print(component);

    assertSameWit(wit, golden("resource-borrow-simple.component"));
    assertThat(wit).contains("  resource r {\n    constructor();\n  }\n");
  }

  @Test
  void inlineInterfacesWithResourceMethodsAndStatics() throws IOException {
    List<ExternDecl> imports = new ArrayList<>();
    imports.add(new ExternDecl("imports", new InstanceType(resourceExports("y", S32, true))));
    for (String wasi :
        List.of("io/error", "io/streams", "cli/stdin", "cli/stdout", "cli/stderr", "clocks/wall-clock",
            "filesystem/types", "filesystem/preopens")) {
      imports.add(new ExternDecl("wasi:" + wasi + "@0.2.0", new InstanceType(List.of())));
    }
    List<ExternDecl> exports = new ArrayList<>(resourceExports("x", S32, true));
    ResourceType z = new ResourceType("z");
    exports.add(new ExternDecl("z", new TypeExtern(z)));
    exports.add(new ExternDecl("[constructor]z", func(List.of(param("a", S32)), new OwnType(z))));
    exports.add(new ExternDecl("[method]z.get-a", func(List.of(param("self", new BorrowType(z))), S32)));
    exports.add(new ExternDecl("[static]z.num-dropped", func(List.of(), U32)));
    exports.addAll(resourceExports("kebab-case", U32, false));
    exports.add(new ExternDecl("add",
        func(List.of(param("a", new BorrowType(z)), param("b", new BorrowType(z))), new OwnType(z))));
    exports.add(new ExternDecl("consume",
        func(List.of(param("x", new OwnType(resourceOf(exports, "x")))), null)));
    exports.add(new ExternDecl("test-imports",
        func(List.of(), new ResultType(Optional.empty(), Optional.of(STRING)))));
    ComponentType component =
        new ComponentType(imports, List.of(new ExternDecl("exports", new InstanceType(exports))));

    assertSameWit(WitPrinter.print(component), golden("resources.component"));
  }

  @Test
  void typesAreNamedByIdentityAndSharedThroughUse() {
    ResourceType thing = new ResourceType("thing");
    RecordType point = new RecordType(List.of(new Field("x", U32), new Field("y", U32)));
    VariantType shape =
        new VariantType(List.of(new Case("dot", Optional.of(point)), new Case("none", Optional.empty())));
    EnumType color = new EnumType(List.of("red", "green"));
    FlagsType perms = new FlagsType(List.of("read", "write"));
    ListType bytes = new ListType(U8);
    InstanceType types =
        new InstanceType(
            List.of(
                new ExternDecl("thing", new TypeExtern(thing)),
                new ExternDecl("point", new TypeExtern(point)),
                new ExternDecl("coordinate", new TypeExtern(point)),
                new ExternDecl("shape", new TypeExtern(shape)),
                new ExternDecl("color", new TypeExtern(color)),
                new ExternDecl("permissions", new TypeExtern(perms)),
                new ExternDecl("bytes", new TypeExtern(bytes)),
                new ExternDecl("size", new TypeExtern(U64))));
    InstanceType user =
        new InstanceType(
            List.of(
                new ExternDecl("thing", new TypeExtern(thing)),
                new ExternDecl("pt", new TypeExtern(point)),
                new ExternDecl("draw",
                    func(
                        List.of(param("t", new BorrowType(thing)), param("at", point),
                            param("data", new OptionType(bytes)),
                            param("pair", new TupleType(List.of(STRING, new ListType(point))))),
                        new ResultType(Optional.of(shape), Optional.empty())))));
    ComponentType component =
        new ComponentType(
            List.of(new ExternDecl("test:shapes/types@1.0.0", types),
                new ExternDecl("draw", user),
                new ExternDecl("thing", new TypeExtern(thing)),
                new ExternDecl("make", func(List.of(), new OwnType(thing)))),
            List.of(new ExternDecl("color-of", func(List.of(param("c", color)), perms))));

    String wit = WitPrinter.print(component);

    assertThat(wit)
        .contains("  import test:shapes/types@1.0.0;\n")
        .contains(
            """
                import draw: interface {
                  use test:shapes/types@1.0.0.{thing, point as pt};

                  draw: func(t: borrow<thing>, at: pt, data: option<list<u8>>, pair: tuple<string, list<pt>>) -> result<shape>;
                }
              """)
        .contains("  use test:shapes/types@1.0.0.{thing};\n")
        .contains("  import make: func() -> thing;\n")
        .contains("  export color-of: func(c: color) -> permissions;\n");
  }

  @Test
  void namedDefinitionsPrintTheirBodies() {
    RecordType point = new RecordType(List.of(new Field("x", U32), new Field("type", U32)));
    VariantType shape =
        new VariantType(List.of(new Case("dot", Optional.of(point)), new Case("none", Optional.empty())));
    InstanceType shapes =
        new InstanceType(
            List.of(
                new ExternDecl("point", new TypeExtern(point)),
                new ExternDecl("coordinate", new TypeExtern(point)),
                new ExternDecl("shape", new TypeExtern(shape)),
                new ExternDecl("color", new TypeExtern(new EnumType(List.of("red", "green")))),
                new ExternDecl("size", new TypeExtern(U64)),
                new ExternDecl("list", new TypeExtern(new ListType(point)))));

    String wit = WitPrinter.print(new ComponentType(List.of(new ExternDecl("shapes", shapes)), List.of()));

    assertThat(wit)
        .contains(
            """
                import shapes: interface {
                  record point {
                    x: u32,
                    %type: u32,
                  }

                  type coordinate = point;

                  variant shape {
                    dot(point),
                    none,
                  }

                  enum color {
                    red,
                    green,
                  }

                  type size = u64;

                  type %list = list<point>;
                }
              """);
  }

  @Test
  void interfaceDefinitionsGoIntoPackageBlocks() {
    ResourceType error = new ResourceType("error");
    InstanceType errors = new InstanceType(List.of(new ExternDecl("error", new TypeExtern(error))));
    RecordType point = new RecordType(List.of(new Field("x", U32)));
    InstanceType streams =
        new InstanceType(
            List.of(
                new ExternDecl("error", new TypeExtern(error)),
                new ExternDecl("point", new TypeExtern(point)),
                new ExternDecl("check", func(List.of(param("e", new BorrowType(error))), point))));
    InstanceType user =
        new InstanceType(
            List.of(
                new ExternDecl("pt", new TypeExtern(point)),
                new ExternDecl("run", func(List.of(param("at", point)), null))));
    ComponentType component =
        new ComponentType(
            List.of(
                new ExternDecl("wasi:io/error@0.2.0", errors),
                new ExternDecl("wasi:io/streams@0.2.0", streams),
                new ExternDecl("test:app/api", user)),
            List.of(new ExternDecl("test:app/api", new InstanceType(List.of()))));

    String wit = WitPrinter.printWithInterfaces(component);

    assertThat(wit)
        .startsWith(WitPrinter.print(component))
        .endsWith(
            """
            }

            package wasi:io@0.2.0 {
              interface error {
                resource error;
              }

              interface streams {
                use error.{error};

                record point {
                  x: u32,
                }

                check: func(e: borrow<error>) -> point;
              }
            }

            package test:app {
              interface api {
                use wasi:io/streams@0.2.0.{point as pt};

                run: func(at: pt);
              }
            }
            """);
  }

  /** A resource {@code name} with a constructor, {@code get-a}, optionally {@code set-a}, and a static. */
  private static List<ExternDecl> resourceExports(String name, ValType a, boolean full) {
    ResourceType r = new ResourceType(name);
    BorrowType self = new BorrowType(r);
    List<ExternDecl> out = new ArrayList<>();
    out.add(new ExternDecl(name, new TypeExtern(r)));
    out.add(new ExternDecl("[constructor]" + name, func(List.of(param("a", a)), new OwnType(r))));
    out.add(new ExternDecl("[method]" + name + ".get-a", func(List.of(param("self", self)), a)));
    if (full) {
      out.add(new ExternDecl("[method]" + name + ".set-a",
          func(List.of(param("self", self), param("a", a)), null)));
      out.add(new ExternDecl("[static]" + name + ".add",
          func(List.of(param(name, new OwnType(r)), param("a", a)), new OwnType(r))));
    } else {
      out.add(new ExternDecl("[static]" + name + ".take-owned",
          func(List.of(param("k", new OwnType(r))), U32)));
    }
    return out;
  }

  private static ResourceType resourceOf(List<ExternDecl> decls, String name) {
    return decls.stream()
        .filter(d -> d.name().equals(name))
        .map(d -> (ResourceType) ((TypeExtern) d.type()).type())
        .findFirst()
        .orElseThrow();
  }

  private static FuncType func(List<Param> params, ValType result) {
    return new FuncType(params, Optional.ofNullable(result));
  }

  private static Param param(String name, ValType type) {
    return new Param(name, type);
  }

  /** Asserts two WIT documents declare the same items, whatever their layout and order. */
  static void assertSameWit(String actual, String expected) {
    assertThat(WitNormalizer.canonical(actual))
        .as("WIT printed:%n%s", actual)
        .isEqualTo(WitNormalizer.canonical(expected));
  }

  /** The committed jco output for a fixture ({@code scripts/regen-wit-golden.sh}). */
  static String golden(String fixture) throws IOException {
    try (InputStream in = WitPrinterTest.class.getResourceAsStream("/wit/" + fixture + ".wit")) {
      assertThat(in).as("golden file for %s", fixture).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
