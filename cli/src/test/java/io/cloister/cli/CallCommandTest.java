package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloister call}, run in-process through the real command tree. */
class CallCommandTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");
  private static final String ADDER = FIXTURES.resolve("adder.component.wasm").toString();

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
  void callsAnInterfaceFunctionWithNamedArguments() {
    Run run = run("call", ADDER, "docs:adder/add@0.1.0#add", "{\"x\":40,\"y\":2}");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("42");
  }

  @Test
  void acceptsArgumentsInParameterOrderAndTheInterpreter() {
    Run run = run("call", "--interpret", ADDER, "docs:adder/add@0.1.0#add", "[4294967295, 3]");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("2");
  }

  @Test
  void listsMissingImports() {
    Run run = run("call", FIXTURES.resolve("smoke.component.wasm").toString(), "thunk");
    assertThat(run.exitCode()).isEqualTo(CallCommand.UNSATISFIED_IMPORTS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("missing interface test:smoke/imports")
        .contains("missing interface wasi:cli/stdin@0.2.0");
  }

  @Test
  void reportsUnknownFunctionsAndBadArguments() throws Exception {
    Run unknown = run("call", ADDER, "sub", "{}");
    assertThat(unknown.exitCode()).isEqualTo(CallCommand.BAD_INPUT);
    assertThat(unknown.err()).contains("no exported function sub").contains("docs:adder/add@0.1.0#add");

    Run badArg = run("call", ADDER, "docs:adder/add@0.1.0#add", "{\"x\":\"one\",\"y\":2}");
    assertThat(badArg.exitCode()).isEqualTo(CallCommand.BAD_INPUT);
    assertThat(badArg.err()).contains("x");

    Run notJson = run("call", ADDER, "docs:adder/add@0.1.0#add", "{x:");
    assertThat(notJson.exitCode()).isEqualTo(CallCommand.BAD_INPUT);

    byte[] adder = Files.readAllBytes(Path.of(ADDER));
    Path bad = Files.write(dir.resolve("bad.wasm"), Arrays.copyOf(adder, 100));
    Run truncated = run("call", bad.toString(), "add");
    assertThat(truncated.exitCode()).isEqualTo(CallCommand.BAD_INPUT);
    assertThat(truncated.err()).contains("not a valid component").contains("offset");
  }
}
