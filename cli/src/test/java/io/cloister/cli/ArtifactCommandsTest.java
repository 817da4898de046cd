package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.artifact.Artifact;
import io.cloister.artifact.ArtifactKind;
import io.cloister.artifact.CodeHash;
import io.cloister.artifact.compile.EngineId;
import io.cloister.artifact.format.Cwasm;
import io.cloister.artifact.format.CwasmWriter;
import io.cloister.artifact.format.PrecompiledClasses;
import io.cloister.artifact.meta.Metadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloister compile} and {@code cloister inspect}, in-process through the real command tree. */
class ArtifactCommandsTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");
  private static final Path HELLO = Path.of("..", "fixtures", "http", "build", "hello.component.wasm");

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
  void compileWritesADeployableCwasmAndPrintsItsCodeHash() throws Exception {
    Path out = dir.resolve("hello.cwasm");

    Run run = run("compile", HELLO.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    byte[] cwasm = Files.readAllBytes(out);
    assertThat(run.out()).isEqualTo(CodeHash.of(cwasm).hex() + "  " + out + "\n");
    Artifact a = Artifact.read(cwasm);
    assertThat(a.kind()).isEqualTo(ArtifactKind.CWASM);
    assertThat(a.componentBytes()).isEqualTo(Files.readAllBytes(HELLO));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void compileIntoAMissingDirectoryIsAOneLineError() {
    Path out = dir.resolve("no-such-dir").resolve("hello.cwasm");

    Run run = run("compile", HELLO.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("cloister compile: " + out + ": cannot write: ");
  }

  @Test
  void compileRefusesAWasmtimeArtifactInOneLine() throws Exception {
    Path elf = Files.write(dir.resolve("app.cwasm"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});

    Run run = run("compile", elf.toString(), "-o", dir.resolve("out.cwasm").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("cloister compile: " + elf + ": an ELF file, as wasmtime writes its precompiled .cwasm")
        .contains("upload the component .wasm");
    assertThat(dir.resolve("out.cwasm")).doesNotExist();
  }

  @Test
  void compileRefusesACoreModuleAndAMissingFile() throws Exception {
    Path core = Files.write(dir.resolve("core.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

    Run notAComponent = run("compile", core.toString(), "-o", dir.resolve("o.cwasm").toString());
    Run missing = run("compile", dir.resolve("nope.wasm").toString(), "-o", dir.resolve("o.cwasm").toString());

    assertThat(notAComponent.exitCode()).isEqualTo(2);
    assertThat(notAComponent.err()).startsWith("cloister compile: " + core + ": a core module, not a component: ");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("cloister compile: " + dir.resolve("nope.wasm") + ": no such file");
  }

  @Test
  void inspectDescribesACwasm() throws Exception {
    Path out = dir.resolve("adder.cwasm");
    run("compile", FIXTURES.resolve("adder.component.wasm").toString(), "-o", out.toString());

    Run run = run("inspect", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("format:         cwasm version 1\n")
        .contains("engine:         chicory/1.7.5 ")
        .contains("code hash:      " + CodeHash.of(Files.readAllBytes(out)).hex() + "\n")
        .contains("component size: " + Files.size(FIXTURES.resolve("adder.component.wasm")) + " bytes\n")
        .containsPattern("  component  at +\\d+, +" + Files.size(FIXTURES.resolve("adder.component.wasm")) + " bytes\n")
        .contains("exports (1):\n  docs:adder/add@0.1.0#add: func(x: u32, y: u32) -> u32\n");
  }

  @Test
  void inspectJsonOfARawComponent() throws Exception {
    Run run = run("inspect", "--json", HELLO.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format").asText()).isEqualTo("component");
    assertThat(json.get("engine").isNull()).isTrue();
    assertThat(json.get("codeHash").asText()).isEqualTo(CodeHash.of(Files.readAllBytes(HELLO)).hex());
    assertThat(json.get("componentSize").asLong()).isEqualTo(Files.size(HELLO));
    assertThat(json.get("exports").get(0).get("name").asText()).isEqualTo("wasi:http/incoming-handler@0.2.12#handle");
    assertThat(json.get("exports").get(0).get("type").asText()).startsWith("func(request: ");
    assertThat(json.get("imports")).hasSizeGreaterThan(3);
  }

  @Test
  void inspectWarnsOfMetadataThatIsNotTheComponents() throws Exception {
    byte[] adder = Files.readAllBytes(FIXTURES.resolve("adder.component.wasm"));
    Metadata real = Artifact.read(adder).metadata();
    Path lying =
        Files.write(
            dir.resolve("lying.cwasm"),
            CwasmWriter.write(
                new Cwasm(EngineId.CHICORY.text(), adder, new Metadata(real.wit(), real.imports(), List.of()), PrecompiledClasses.NONE)));

    Run run = run("inspect", lying.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("warning: the file's metadata sections differ from its component")
        .contains("exports (1):\n  docs:adder/add@0.1.0#add: ");
  }

  @Test
  void inspectRefusesATruncatedCwasmNamingTheOffset() throws Exception {
    Path out = dir.resolve("adder.cwasm");
    run("compile", FIXTURES.resolve("adder.component.wasm").toString(), "-o", out.toString());
    byte[] whole = Files.readAllBytes(out);
    Path cut = Files.write(dir.resolve("cut.cwasm"), Arrays.copyOf(whole, whole.length - 3));

    Run run = run("inspect", cut.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("cloister inspect: " + cut + ": at byte offset ")
        .contains(": expected the exports section's length within the file");
  }
}
