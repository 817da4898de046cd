package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.wit.WitPrinter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloister wit}, run in-process through the real command tree. */
class WitCommandTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheWorldOfAComponent() throws Exception {
    Path file = FIXTURES.resolve("resources.component.wasm");

    Run run = run("wit", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("package root:component;\n")
        .contains("  export exports: interface {\n")
        .contains("      constructor(a: s32);\n")
        .contains("    add: func(a: borrow<z>, b: borrow<z>) -> z;\n")
        .isEqualTo(WitPrinter.print(ValidatedComponent.of(Files.readAllBytes(file)).type()));
  }

  @Test
  void interfacesOptionAddsPackageBlocks() throws Exception {
    Path file = FIXTURES.resolve("resource-import-and-export.component.wasm");

    Run run = run("wit", "--interfaces", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(WitPrinter.printWithInterfaces(ValidatedComponent.of(Files.readAllBytes(file)).type()))
        .contains("\npackage test:resource-import-and-export {\n  interface test {\n    resource thing {\n");
  }

  @Test
  void truncatedComponentIsAOneLineErrorWithExitCode2() throws Exception {
    byte[] adder = Files.readAllBytes(FIXTURES.resolve("adder.component.wasm"));
    Path bad = Files.write(dir.resolve("bad.wasm"), Arrays.copyOf(adder, adder.length / 2));

    Run run = run("wit", bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("cloister wit: " + bad + ": not a valid component: at byte offset ")
        .contains("exceeds");
  }

  @Test
  void coreModuleAndMissingFileAreRejected() throws Exception {
    Path core = Files.write(dir.resolve("core.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

    Run notAComponent = run("wit", core.toString());
    Run missing = run("wit", dir.resolve("nope.wasm").toString());

    assertThat(notAComponent.exitCode()).isEqualTo(2);
    assertThat(notAComponent.err()).contains("core module");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("cloister wit: " + dir.resolve("nope.wasm") + ": no such file");
  }

  @Test
  void controlCharactersInAnErrorStayOnOneLine() throws Exception {
    // An import whose name holds a newline: the rule quotes the name, the message must not break.
    byte[] bytes = {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 10, 7, 1, 0, 3, 'a', '\n', 'b', 1, 0};
    Path bad = Files.write(dir.resolve("newline.wasm"), bytes);

    Run run = run("wit", bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("not a valid component");
  }
}
