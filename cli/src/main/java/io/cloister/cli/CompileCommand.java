package io.cloister.cli;

import io.cloister.artifact.ArtifactException;
import io.cloister.artifact.CodeHash;
import io.cloister.artifact.compile.ArtifactCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister compile IN.wasm -o OUT.cwasm}: the deployable artifact of a component. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Compile a component into a deployable Cloister .cwasm (docs/artifact.md): byte-identical for"
          + " the same input on any machine.",
      "Prints the artifact's code hash (SHA-256, as the enclave's certificates carry it) and its"
          + " path, as sha256sum does."
    })
public final class CompileCommand implements Callable<Integer> {
  /** Exit code for an input that cannot be read or is not a deployable component. */
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IN", description = "A component (.wasm) or a Cloister .cwasm.")
  Path in;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The .cwasm to write.")
  Path out;

  @Override
  public Integer call() {
    byte[] cwasm;
    try {
      cwasm = ArtifactCompiler.compile(ArtifactFile.read(in));
    } catch (ArtifactFile.UnreadableException | ArtifactException e) {
      return fail(in + ": " + e.getMessage());
    }
    try {
      // written whole beside OUT, then moved over it: never a half-written artifact to deploy
      Path dir = out.toAbsolutePath().getParent();
      Path temp = Files.createTempFile(dir, ".cloister-compile-", ".tmp");
      try {
        Files.write(temp, cwasm);
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      return fail(out + ": cannot write: " + e.getMessage());
    }
    spec.commandLine().getOut().println(CodeHash.of(cwasm).hex() + "  " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private int fail(String why) {
    // One line, whatever bytes a hostile name in the message holds.
    spec.commandLine().getErr().println(("cloister compile: " + why).replaceAll("\\p{Cntrl}", "?"));
    spec.commandLine().getErr().flush();
    return BAD_INPUT;
  }
}
