package io.cloister.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.artifact.ArtifactException;
import io.cloister.artifact.inspect.ArtifactDescription;
import io.cloister.artifact.inspect.Inspector;
import io.cloister.artifact.meta.FunctionItem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister inspect FILE [--json]}: what an upload is, as an enclave would read it. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Describe a component or a Cloister .cwasm: format, engine, code hash, sizes, sections,"
            + " imported and exported functions with their WIT types.")
public final class InspectCommand implements Callable<Integer> {
  /** Exit code for a file that cannot be read or is not deployable. */
  static final int BAD_INPUT = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A component (.wasm) or a Cloister .cwasm.")
  Path file;

  @Option(names = "--json", description = "Print the description as JSON.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    ArtifactDescription d;
    try {
      d = Inspector.describe(ArtifactFile.read(file));
    } catch (ArtifactFile.UnreadableException | ArtifactException e) {
      // One line, whatever bytes a hostile name in the message holds.
      spec.commandLine().getErr().println(("cloister inspect: " + file + ": " + e.getMessage()).replaceAll("\\p{Cntrl}", "?"));
      spec.commandLine().getErr().flush();
      return BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d));
    } else {
      text(d, out);
    }
    out.flush();
    return 0;
  }

  private static void text(ArtifactDescription d, PrintWriter out) {
    out.println("format:         " + d.format() + (d.formatVersion() > 0 ? " version " + d.formatVersion() : ""));
    out.println("engine:         " + (d.engine() == null ? "none (compiled by the enclave)" : d.engine()));
    out.println("code hash:      " + d.codeHash());
    out.println("component hash: " + d.componentHash());
    out.println("file size:      " + d.fileSize() + " bytes");
    out.println("component size: " + d.componentSize() + " bytes");
    if (!d.sections().isEmpty()) {
      out.println("sections:");
      for (ArtifactDescription.Section s : d.sections()) {
        out.printf("  %-10s at %8d, %9d bytes%n", s.name(), s.offset(), s.size());
      }
      out.println("precompiled classes: " + d.precompiledClasses() + " (never run; the enclave compiles the component)");
      if (!d.metadataMatches()) {
        out.println(
            "warning: the file's metadata sections differ from its component (another version of"
                + " cloister, or altered); shown below is what the component itself declares");
      }
    }
    functions("imports", d.imports(), out);
    functions("exports", d.exports(), out);
  }

  private static void functions(String title, List<FunctionItem> items, PrintWriter out) {
    out.println(title + " (" + items.size() + "):");
    for (FunctionItem f : items) {
      out.println("  " + f.name() + ": " + f.type());
    }
  }
}
