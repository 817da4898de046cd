package io.cloister.cli;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.wit.WitPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister wit FILE}: prints a component's WIT world, as {@code jco wit} does. */
@Command(
    name = "wit",
    mixinStandardHelpOptions = true,
    description = "Print the WIT world of a WebAssembly component (imports, exports, their types).")
public final class WitCommand implements Callable<Integer> {
  /** Exit code for a file that cannot be read or is not a valid component. */
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A component binary (.wasm).")
  Path file;

  @Option(
      names = "--interfaces",
      description = "Also define the interfaces the world names, in package blocks after it.")
  boolean interfaces;

  @Override
  public Integer call() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return fail("no such file");
    } catch (IOException e) {
      return fail("cannot read: " + e.getMessage());
    }
    ValidatedComponent component;
    try {
      component = ValidatedComponent.of(bytes);
    } catch (ComponentDecodeException e) {
      return fail("not a valid component: " + e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .print(interfaces ? WitPrinter.printWithInterfaces(component.type()) : WitPrinter.print(component.type()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private int fail(String why) {
    // One line, whatever bytes a hostile name in the message holds.
    spec.commandLine().getErr().println(("cloister wit: " + file + ": " + why).replaceAll("\\p{Cntrl}", "?"));
    return BAD_INPUT;
  }
}
