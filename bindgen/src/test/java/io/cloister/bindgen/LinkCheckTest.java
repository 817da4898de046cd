package io.cloister.bindgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated FuncTypes are exactly what the component runtime decodes: the deny bindings of
 * every WASI interface satisfy every import of the real HTTP fixture components, which the linker
 * checks type by type. The check runs in a small driver compiled with the bindings against
 * component's classes, loaded in its own class loader (there is no Maven dependency to use).
 */
class LinkCheckTest {
  @TempDir Path tmp;

  @Test
  void denyBindingsSatisfyTheFixtureComponents() throws Exception {
    Path classes = CompileTest.componentClasses();
    Path src = tmp.resolve("src");
    List<Path> written =
        new ArrayList<>(Bindgen.generateInto(TestRoots.realRoots(), "gen", Set.of(), src));
    List<String> links =
        written.stream()
            .map(p -> src.relativize(p).toString().replace('/', '.'))
            .filter(n -> n.endsWith("Link.java"))
            .map(n -> n.substring(0, n.length() - ".java".length()))
            .sorted()
            .toList();
    written.add(driver(src, links));
    Path out = tmp.resolve("classes");
    CompileTest.assertNoDiagnostics(CompileTest.compile(written, classes, out));

    List<Path> wasm;
    try (Stream<Path> s = Files.list(TestRoots.repo().resolve("fixtures/http/build"))) {
      wasm = s.filter(p -> p.toString().endsWith(".component.wasm")).sorted().toList();
    }
    assertThat(wasm).isNotEmpty();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {out.toUri().toURL(), classes.toUri().toURL()},
            getClass().getClassLoader())) {
      Method check = loader.loadClass("check.LinkCheck").getMethod("problems", List.class);
      @SuppressWarnings("unchecked")
      List<String> problems = (List<String>) check.invoke(null, wasm);
      assertThat(problems).as(String.join("\n", problems)).isEmpty();
      // A control: a wrong type for one function is caught, so the check above is not vacuous.
      Method sabotaged = loader.loadClass("check.LinkCheck").getMethod("sabotaged", List.class);
      @SuppressWarnings("unchecked")
      List<String> wrong = (List<String>) sabotaged.invoke(null, wasm);
      assertThat(wrong).anyMatch(p -> p.contains("get-stdout"));
    }
  }

  private static Path driver(Path src, List<String> links) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("package check;\n\n");
    b.append("import io.cloister.component.link.Linker;\n");
    b.append("import io.cloister.component.link.StatefulHostFunction;\n");
    b.append("import io.cloister.component.types.FuncType;\n");
    b.append("import io.cloister.component.types.PrimitiveType;\n");
    b.append("import java.util.Optional;\n");
    b.append("import io.cloister.component.runtime.Component;\n");
    b.append("import io.cloister.component.runtime.EngineOptions;\n");
    b.append("import java.nio.file.Files;\nimport java.nio.file.Path;\n");
    b.append("import java.util.ArrayList;\nimport java.util.List;\n\n");
    b.append("/** Links every fixture against the deny bindings. */\n");
    b.append("public final class LinkCheck {\n");
    b.append("  private LinkCheck() {}\n\n");
    b.append("  /** The link problems of each component. */\n");
    b.append("  public static List<String> problems(List<Path> components) throws Exception {\n");
    b.append("    return problems(components, false);\n");
    b.append("  }\n\n");
    b.append("  /** The link problems with a wrong type for wasi:cli/stdout's get-stdout. */\n");
    b.append("  public static List<String> sabotaged(List<Path> components) throws Exception {\n");
    b.append("    return problems(components, true);\n");
    b.append("  }\n\n");
    b.append("  private static List<String> problems(List<Path> components, boolean sabotage)\n");
    b.append("      throws Exception {\n");
    b.append("    Linker<Object> linker = new Linker<>();\n");
    for (String l : links) {
      b.append("    ").append(l).append(".deny(linker);\n");
    }
    b.append("    if (sabotage) {\n");
    b.append("      linker.defineFunction(\"wasi:cli/stdout@0.2.12\", \"get-stdout\",\n");
    b.append("          new FuncType(List.of(), Optional.of(PrimitiveType.U32)),\n");
    b.append("          (StatefulHostFunction<Object>) (state, args) -> List.of());\n");
    b.append("    }\n");
    b.append("    List<String> out = new ArrayList<>();\n");
    b.append("    for (Path p : components) {\n");
    b.append(
        "      Component c = Component.compile(Files.readAllBytes(p),"
            + " EngineOptions.interpreted());\n");
    b.append("      for (String problem : linker.unsatisfied(c)) {\n");
    b.append("        out.add(p.getFileName() + \": \" + problem);\n");
    b.append("      }\n");
    b.append("    }\n");
    b.append("    return out;\n");
    b.append("  }\n");
    b.append("}\n");
    Path p = src.resolve("check/LinkCheck.java");
    Files.createDirectories(p.getParent());
    Files.writeString(p, b.toString());
    return p;
  }
}
