package io.cloister.artifact.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.CodeHash;
import io.cloister.artifact.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same component compiles to the same bytes in separate JVMs, whatever their locale and zone. */
class DeterminismTest {
  @TempDir Path dir;

  /** SHA-256 of hello's .cwasm: changes only when the format or the engine id does (docs/artifact.md). */
  private static final String HELLO_CWASM_SHA256 = "19bc2931d525705bd0b4f77c33a86f0b2d4b9a8e8cf7e33ab5035ca5be4d7c38";

  private Path compileInOwnJvm(Path in, String name, String... jvmOptions) throws Exception {
    Path out = dir.resolve(name);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CompileOnce.class.getName()));
    command.addAll(List.of(in.toString(), out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the JVM compiling %s finished", name).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve(name + ".log"))).isZero();
    return out;
  }

  @Test
  void twoJvmsWriteTheSameBytes() throws Exception {
    for (Path in : List.of(Fixtures.HTTP.resolve("hello.component.wasm"), Fixtures.COMPONENTS.resolve("flavorful.component.wasm"))) {
      String name = in.getFileName().toString();
      byte[] first = Files.readAllBytes(compileInOwnJvm(in, name + ".1.cwasm"));
      byte[] second =
          Files.readAllBytes(
              compileInOwnJvm(
                  in, name + ".2.cwasm", "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR",
                  "-Dfile.encoding=ISO-8859-1", "-Dstdout.encoding=ISO-8859-1"));

      assertThat(second).as(name).isEqualTo(first);
      assertThat(first).as(name + " in this JVM").isEqualTo(ArtifactCompiler.compile(Files.readAllBytes(in)));
    }
  }

  @Test
  void helloCompilesToItsKnownHash() throws Exception {
    byte[] cwasm = ArtifactCompiler.compile(Fixtures.http("hello.component.wasm"));

    assertThat(CodeHash.of(cwasm).hex()).isEqualTo(HELLO_CWASM_SHA256);
  }
}
