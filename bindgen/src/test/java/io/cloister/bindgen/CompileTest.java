package io.cloister.bindgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bindings compile, without a single warning, against the component runtime's classes
 * (located through a system property: a Maven dependency on component would be a reactor cycle).
 */
class CompileTest {
  @TempDir Path tmp;

  static Path componentClasses() {
    String dir = System.getProperty("cloister.component.classes");
    Path p = dir == null ? null : Path.of(dir);
    assumeTrue(
        p != null && Files.isDirectory(p.resolve("io/cloister/component/bind")),
        "component classes not built at " + p + " (build module component first); skipping");
    return p;
  }

  @Test
  void wasiAndFixturesCompileWithoutWarnings() throws Exception {
    Path classes = componentClasses();
    List<Path> written =
        Bindgen.generateInto(
            TestRoots.realRoots(), "io.cloister.wasi.gen", Set.of(), tmp.resolve("src"));
    assertThat(written).isNotEmpty();
    assertNoDiagnostics(compile(written, classes, tmp.resolve("classes")));
  }

  @Test
  void kitchenSinkCompilesWithoutWarnings() throws Exception {
    Path classes = componentClasses();
    List<Path> written =
        Bindgen.generateInto(
            List.of(TestRoots.kitchen()), "org.example.gen", Set.of(), tmp.resolve("src"));
    assertNoDiagnostics(compile(written, classes, tmp.resolve("classes")));
  }

  static void assertNoDiagnostics(List<String> diagnostics) {
    assertThat(diagnostics).as(String.join("\n", diagnostics)).isEmpty();
  }

  static List<String> compile(List<Path> sources, Path classes, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    Files.createDirectories(out);
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "21",
              "-Xlint:all,-processing,-serial",
              "-classpath",
              classes.toString(),
              "-d",
              out.toString());
      boolean ok =
          javac
              .getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources))
              .call();
      List<String> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        messages.add(
            d.getKind()
                + " "
                + (d.getSource() == null ? "" : d.getSource().getName())
                + ":"
                + d.getLineNumber()
                + ": "
                + d.getMessage(null));
      }
      if (!ok && messages.isEmpty()) {
        messages.add("compilation failed without diagnostics");
      }
      return messages;
    }
  }
}
