package io.cloister.bindgen.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloister.bindgen.TestRoots;
import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.InterfaceId;
import io.cloister.bindgen.model.Model;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import io.cloister.bindgen.model.WitPackage;
import io.cloister.bindgen.wit.PackageName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {

  private static Model resolve(String text) throws Exception {
    return Resolver.resolveText("t.wit", text, Set.of());
  }

  private static WitResolveException error(String text) {
    return catchThrowableOfType(WitResolveException.class, () -> resolve(text));
  }

  private static Interface iface(Model m, String name) {
    return m.packages().stream()
        .flatMap(p -> p.interfaces().stream())
        .filter(i -> i.id().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Function function(Interface i, String importName) {
    return i.functions().stream()
        .filter(f -> f.importName().equals(importName))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void realWasiResolves() throws Exception {
    Model m = Resolver.resolve(TestRoots.realRoots(), Set.of());
    assertThat(m.packages())
        .extracting(p -> p.name().toString())
        .containsExactly(
            "wasi:cli@0.2.12",
            "wasi:clocks@0.2.12",
            "wasi:filesystem@0.2.12",
            "wasi:http@0.2.12",
            "wasi:io@0.2.12",
            "wasi:keyvalue@0.2.0-draft",
            "wasi:keyvalue@0.2.0-draft2",
            "wasi:logging@0.1.0-draft",
            "wasi:random@0.2.12",
            "wasi:sockets@0.2.12");
    // The unstable timezone interface is left out.
    WitPackage clocks = m.packages().get(1);
    assertThat(clocks.interfaces())
        .extracting(i -> i.id().name())
        .containsExactly("monotonic-clock", "wall-clock");

    Interface mono = iface(m, "monotonic-clock");
    PackageName io = new PackageName("wasi", "io", Optional.of("0.2.12"));
    TypeId pollable = new TypeId(new InterfaceId(io, "poll"), "pollable");
    Function subscribe = function(mono, "subscribe-instant");
    assertThat(subscribe.params()).containsExactly(new Function.Param("when", Type.Primitive.U64));
    assertThat(subscribe.result()).contains(new Type.Handle(pollable, true));

    Interface streams = iface(m, "streams");
    Function read = function(streams, "[method]input-stream.read");
    assertThat(read.params().get(0))
        .isEqualTo(
            new Function.Param(
                "self", new Type.Handle(new TypeId(streams.id(), "input-stream"), false)));
    assertThat(read.result())
        .contains(
            new Type.ResultOf(
                Optional.of(new Type.ListOf(Type.Primitive.U8)),
                Optional.of(new Type.Named(new TypeId(streams.id(), "stream-error")))));

    // use ... {error as io-error} resolves to the resource of wasi:io/error.
    Interface httpTypes =
        m.packages().get(3).interfaces().stream()
            .filter(i -> i.id().name().equals("types"))
            .findFirst()
            .orElseThrow();
    Function code = function(httpTypes, "http-error-code");
    assertThat(code.params().get(0).type())
        .isEqualTo(new Type.Handle(new TypeId(new InterfaceId(io, "error"), "error"), false));
    // unstable method of response-outparam is skipped
    assertThat(httpTypes.functions())
        .extracting(Function::importName)
        .doesNotContain("[method]response-outparam.send-informational")
        .contains("[static]response-outparam.set", "[constructor]fields");
  }

  @Test
  void unstableFeaturesCanBeEnabled() throws Exception {
    Model m = Resolver.resolve(List.of(TestRoots.wasi()), Set.of("clocks-timezone"));
    assertThat(m.packages().get(1).interfaces())
        .extracting(i -> i.id().name())
        .containsExactly("monotonic-clock", "timezone", "wall-clock");
  }

  @Test
  void aliasesExpandAndResourcesAliasAsResources() throws Exception {
    Model m =
        resolve(
            """
            package a:b;
            interface i {
              type x = u32;
              type y = list<x>;
              resource r;
              type s = r;
              f: func(a: y, b: borrow<s>, c: s) -> option<x>;
            }
            interface j {
              use i.{y as z, r};
              g: func(a: z, b: r);
            }
            """);
    Interface i = iface(m, "i");
    TypeId r = new TypeId(i.id(), "r");
    Function f = i.functions().get(0);
    assertThat(f.params())
        .containsExactly(
            new Function.Param("a", new Type.ListOf(Type.Primitive.U32)),
            new Function.Param("b", new Type.Handle(r, false)),
            new Function.Param("c", new Type.Handle(r, true)));
    assertThat(i.types()).extracting(TypeDef::name).containsExactly("r");
    Function g = iface(m, "j").functions().get(0);
    assertThat(g.params())
        .containsExactly(
            new Function.Param("a", new Type.ListOf(Type.Primitive.U32)),
            new Function.Param("b", new Type.Handle(r, true)));
  }

  @Test
  void typesMayBeUsedBeforeTheyAreDeclared() throws Exception {
    Model m = resolve("package a:b;\ninterface i { f: func() -> later; record later { x: u8 } }");
    assertThat(iface(m, "i").functions().get(0).result())
        .contains(new Type.Named(new TypeId(iface(m, "i").id(), "later")));
  }

  @Test
  void unknownNamesAreReportedPrecisely() {
    WitResolveException e = error("package a:b;\ninterface i {\n  f: func(x: nope);\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:3:14: unknown type 'nope' in interface a:b/i");

    e = error("package a:b;\ninterface i {\n  use missing.{x};\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:3:7: no interface 'missing' in package a:b");

    e = error("package a:b;\ninterface j {}\ninterface i {\n  use j.{x};\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:4:10: interface a:b/j has no type 'x'");

    e = error("package a:b;\ninterface i {\n  use c:d/e@1.0.0.{x};\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:3:7: unknown package c:d@1.0.0");

    e = error("package a:b;\ninterface i {\n  record r { x: u8 }\n  f: func(x: borrow<r>);\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:4:14: 'r' in borrow<r> is not a resource");

    e = error("package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n}");
    assertThat(e.getMessage()).contains("is defined in terms of itself");

    e = error("package a:b;\ninterface i {\n  type a = u8;\n  record a { x: u8 }\n}");
    assertThat(e.getMessage())
        .isEqualTo("t.wit:4:10: 'a' is already defined in interface a:b/i at t.wit:3:8");

    e = error("package a:b;\ninterface i {\n  record r { x: u8, x: u16 }\n}");
    assertThat(e.getMessage()).isEqualTo("t.wit:3:21: field 'x' is declared twice in r");

    e =
        error(
            "package a:b;\n"
                + "interface i {\n"
                + "  @unstable(feature = off)\n"
                + "  record r { x: u8 }\n"
                + "  f: func(x: r);\n"
                + "}");
    assertThat(e.getMessage()).isEqualTo("t.wit:5:14: unknown type 'r' in interface a:b/i");

    e = error("interface i {}");
    assertThat(e.getMessage()).contains("no 'package namespace:name;' declaration");
  }

  @Test
  void kitchenSinkResolvesAcrossPackages() throws Exception {
    Model m = Resolver.resolve(List.of(TestRoots.kitchen()), Set.of());
    assertThat(m.packages())
        .extracting(p -> p.name().toString())
        .containsExactly("test:kitchen@0.1.0", "test:shapes@1.2.0-rc.1");
    Interface basics = iface(m, "basics");
    assertThat(basics.file()).isEqualTo("kitchen.wit");
    assertThat(iface(m, "geometry").file()).isEqualTo("deps/shapes/shapes.wit");
    assertThat(basics.types())
        .extracting(TypeDef::name)
        .containsExactly("many", "error-code", "inner", "outer", "value", "counter", "basics");
    assertThat(basics.functions())
        .extracting(Function::importName)
        .doesNotContain("hidden-func")
        .contains("[constructor]counter", "[static]counter.merge", "[method]counter.to-string");
  }
}
