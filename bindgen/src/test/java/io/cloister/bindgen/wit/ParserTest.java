package io.cloister.bindgen.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloister.bindgen.TestRoots;
import io.cloister.bindgen.wit.TypeDecl.ResourceFunc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static TopItem.Interface onlyInterface(String src) throws WitParseException {
    WitFile f = Parser.parse("t.wit", "package a:b;\n" + src);
    return (TopItem.Interface) f.items().get(0);
  }

  private static WitParseException error(String src) {
    return catchThrowableOfType(WitParseException.class, () -> Parser.parse("bad.wit", src));
  }

  @Test
  void packageHeaderWithVersion() throws Exception {
    WitFile f = Parser.parse("t.wit", "package wasi:keyvalue@0.2.0-draft2;");
    assertThat(f.pkg()).contains(new PackageName("wasi", "keyvalue", Optional.of("0.2.0-draft2")));
    assertThat(f.items()).isEmpty();
  }

  @Test
  void nestedPackages() throws Exception {
    WitFile f =
        Parser.parse(
            "t.wit",
            "package a:b;\npackage c:d@1.0.0 { interface i { f: func(); } }\ninterface j {}");
    assertThat(f.items()).hasSize(2);
    TopItem.NestedPackage n = (TopItem.NestedPackage) f.items().get(0);
    assertThat(n.name().toString()).isEqualTo("c:d@1.0.0");
    assertThat(((TopItem.Interface) n.items().get(0)).name()).isEqualTo("i");
  }

  @Test
  void typeDefinitions() throws Exception {
    TopItem.Interface i =
        onlyInterface(
            """
            interface types {
              type a = list<tuple<u8, string,>>;
              record r { x: u32, %type: option<a>, }
              variant v { none, some(r), other(result<_, string>) }
              enum e { one, two, }
              flags f { read, write }
              resource empty;
              resource res {
                constructor(x: u32);
                get: func() -> own<res>;
                make: static func(b: borrow<res>) -> result<res>;
              }
            }
            """);
    List<InterfaceItem> items = i.items();
    assertThat(items).hasSize(7);
    TypeDecl.Alias a = (TypeDecl.Alias) items.get(0);
    assertThat(a.target().toWit()).isEqualTo("list<tuple<u8, string>>");
    TypeDecl.Record r = (TypeDecl.Record) items.get(1);
    assertThat(r.fields()).extracting(TypeDecl.Field::name).containsExactly("x", "type");
    TypeDecl.Variant v = (TypeDecl.Variant) items.get(2);
    assertThat(v.cases())
        .extracting(c -> c.type().map(TypeExpr::toWit).orElse("-"))
        .containsExactly("-", "r", "result<_, string>");
    assertThat(((TypeDecl.Enum) items.get(3)).labels()).hasSize(2);
    assertThat(((TypeDecl.Flags) items.get(4)).labels())
        .extracting(TypeDecl.Label::name)
        .containsExactly("read", "write");
    assertThat(((TypeDecl.Resource) items.get(5)).functions()).isEmpty();
    TypeDecl.Resource res = (TypeDecl.Resource) items.get(6);
    assertThat(res.functions())
        .extracting(ResourceFunc::kind)
        .containsExactly(
            ResourceFunc.Kind.CONSTRUCTOR, ResourceFunc.Kind.METHOD, ResourceFunc.Kind.STATIC);
    assertThat(res.functions().get(2).sig().toWit())
        .isEqualTo("func(b: borrow<res>) -> result<res>");
  }

  @Test
  void resultForms() throws Exception {
    TopItem.Interface i =
        onlyInterface(
            "interface r { f: func(a: result, b: result<u8>, c: result<_, u8>, d: result<u8, s8>);"
                + " }");
    InterfaceItem.Func f = (InterfaceItem.Func) i.items().get(0);
    assertThat(f.sig().params())
        .extracting(p -> p.type().toWit())
        .containsExactly("result", "result<u8>", "result<_, u8>", "result<u8, s8>");
  }

  @Test
  void usesAndGatesAndDocs() throws Exception {
    WitFile f =
        Parser.parse(
            "t.wit",
            """
            package a:b@1.0.0;
            use wasi:io/streams@0.2.0 as s;
            /// The interface.
            /// Second line.
            @since(version = 1.0.0)
            interface i {
              use wasi:io/poll@0.2.12.{pollable, error as io-error};
              use local.{x};
              /** Block doc. */
              @unstable(feature = fancy-thing)
              f: func();
              @deprecated(version = 0.9.0)
              g: func();
            }
            """);
    TopItem.Use top = (TopItem.Use) f.items().get(0);
    assertThat(top.localName()).isEqualTo("s");
    assertThat(top.path().toString()).isEqualTo("wasi:io/streams@0.2.0");
    TopItem.Interface i = (TopItem.Interface) f.items().get(1);
    assertThat(i.meta().doc()).isEqualTo("The interface.\nSecond line.");
    assertThat(i.meta().gates()).containsExactly(new Gate(Gate.Kind.SINCE, "1.0.0"));
    InterfaceItem.Use use = (InterfaceItem.Use) i.items().get(0);
    assertThat(use.path().toString()).isEqualTo("wasi:io/poll@0.2.12");
    assertThat(use.names())
        .extracting(InterfaceItem.UseName::localName)
        .containsExactly("pollable", "io-error");
    assertThat(((InterfaceItem.Use) i.items().get(1)).path().pkg()).isEmpty();
    InterfaceItem.Func fn = (InterfaceItem.Func) i.items().get(2);
    assertThat(fn.meta().doc()).isEqualTo("Block doc.");
    assertThat(fn.meta().unstableFeature()).isEqualTo("fancy-thing");
    assertThat(i.items().get(3).meta().gates())
        .containsExactly(new Gate(Gate.Kind.DEPRECATED, "0.9.0"));
  }

  @Test
  void worldsAreParsed() throws Exception {
    WitFile f =
        Parser.parse(
            "t.wit",
            """
            package a:b;
            world w {
              import i;
              import wasi:io/poll@0.2.0;
              export run: func() -> result;
              import inline: interface { f: func(); }
              include other with { a as b }
              include wasi:cli/imports@0.2.0;
              use i.{t};
              type x = u32;
              @unstable(feature = y)
              export j;
            }
            """);
    TopItem.World w = (TopItem.World) f.items().get(0);
    assertThat(w.items())
        .extracting(TopItem.WorldItem::kind)
        .containsExactly(
            TopItem.WorldItem.Kind.IMPORT,
            TopItem.WorldItem.Kind.IMPORT,
            TopItem.WorldItem.Kind.EXPORT,
            TopItem.WorldItem.Kind.IMPORT,
            TopItem.WorldItem.Kind.INCLUDE,
            TopItem.WorldItem.Kind.INCLUDE,
            TopItem.WorldItem.Kind.USE,
            TopItem.WorldItem.Kind.TYPE,
            TopItem.WorldItem.Kind.EXPORT);
    assertThat(w.items().get(1).target()).isEqualTo("wasi:io/poll@0.2.0");
  }

  @Test
  void escapedKeywordsAreNames() throws Exception {
    TopItem.Interface i = onlyInterface("interface %interface { %func: func(%type: %record); }");
    assertThat(i.name()).isEqualTo("interface");
    InterfaceItem.Func f = (InterfaceItem.Func) i.items().get(0);
    assertThat(f.name()).isEqualTo("func");
    assertThat(f.sig().params().get(0).type()).isInstanceOf(TypeExpr.Named.class);
  }

  @Test
  void commentsAreSkipped() throws Exception {
    TopItem.Interface i =
        onlyInterface(
            "// line\n/* block /* nested */ still */ interface i { /* x */ f: func(); // y\n}");
    assertThat(i.items()).hasSize(1);
  }

  @Test
  void errorsSayWhereAndWhat() {
    WitParseException e = error("package a:b;\ninterface i {\n  f: func(x u32);\n}");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.getMessage())
        .isEqualTo("bad.wit:3:13: expected ':' after the parameter name, found 'u32'");

    e = error("package a:b;\ninterface i {\n  record r { x: list<u8 }\n}");
    assertThat(e.getMessage()).isEqualTo("bad.wit:3:25: expected '>' to close 'list<', found '}'");

    e = error("package a:b;\ninterface i {");
    assertThat(e.getMessage())
        .isEqualTo("bad.wit:2:14: expected '}' to close the interface, found end of file");

    e = error("package a:b;\n/* never closed");
    assertThat(e.getMessage()).isEqualTo("bad.wit:2:1: unterminated block comment");

    e = error("package a:b;\ninterface i { f: func() -> $; }");
    assertThat(e.getMessage()).isEqualTo("bad.wit:2:28: unexpected character '$'");

    e = error("package a:b;\n@sometime(version = 1.0.0)\ninterface i {}");
    assertThat(e.getMessage()).startsWith("bad.wit:2:2: expected a gate name");

    e = error("package a:b;\ninterface i { f: func() -> (a: u32); }");
    assertThat(e.problem()).contains("named results");

    e = error("package a:b;\ninterface i { enum e {} }");
    assertThat(e.getMessage())
        .isEqualTo("bad.wit:2:23: expected at least one of the enum cases, found '}'");

    e = error("package a:b;\nthing x {}");
    assertThat(e.getMessage())
        .isEqualTo("bad.wit:2:1: expected 'interface', 'world', 'use' or 'package', found 'thing'");

    e = error("package a:b;\ninterface i { x-1: func(); }");
    assertThat(e.getMessage())
        .isEqualTo("bad.wit:2:17: each word of an identifier starts with a letter");
  }

  @Test
  void truncatedRealFilesFailCleanly() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestRoots.wasi())) {
      files = s.filter(p -> p.toString().endsWith(".wit")).sorted().toList();
    }
    assertThat(files).hasSize(7);
    int failures = 0;
    for (Path p : files) {
      String text = Files.readString(p);
      Parser.parse(p.toString(), text); // the whole file parses
      // Every truncation either parses (at an item boundary) or fails with a position inside it.
      int step = Math.max(1, text.length() / 150);
      for (int cut = 0; cut < text.length(); cut += step) {
        String part = text.substring(0, cut);
        try {
          Parser.parse("cut.wit", part);
        } catch (WitParseException e) {
          failures++;
          assertThat(e.line()).isBetween(1, (int) part.lines().count() + 1);
          assertThat(e.file()).isEqualTo("cut.wit");
        }
        // Garbage spliced in must fail or parse, never throw anything else.
        try {
          Parser.parse("junk.wit", part + "}{<>@%\u0000" + text.substring(cut));
        } catch (WitParseException expected) {
          // fine
        }
      }
    }
    assertThat(failures).isGreaterThan(100);
  }

  @Test
  void unsupportedTypesAreReported() {
    assertThatThrownBy(
            () -> Parser.parse("x.wit", "package a:b;\ninterface i { f: func() -> stream<u8>; }"))
        .isInstanceOf(WitParseException.class)
        .hasMessageContaining("2:28")
        .hasMessageContaining("not supported");
  }
}
