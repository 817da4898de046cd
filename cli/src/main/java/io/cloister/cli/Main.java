package io.cloister.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code cloister} command. */
@Command(
    name = "cloister",
    mixinStandardHelpOptions = true,
    version = "cloister 0.1.0",
    description = "Confidential WebAssembly platform: run, inspect and verify components.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Subcommands are registered explicitly, one line each, in the order `cloister help` lists them.
    cl.addSubcommand(new QuoteCommand());
    cl.addSubcommand(new WitCommand());
    cl.addSubcommand(new VerifyCommand());
    cl.addSubcommand(new CallCommand());
    cl.addSubcommand(new ServeCommand());
    cl.addSubcommand(new CompileCommand());
    cl.addSubcommand(new InspectCommand());
    cl.addSubcommand(new EnclaveCommand());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
