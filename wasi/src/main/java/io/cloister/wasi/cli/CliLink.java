package io.cloister.wasi.cli;

import io.cloister.component.values.Value;
import io.cloister.wasi.io.IoLink;
import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.List;

/**
 * Binds {@code wasi:cli}: environment, exit, stdin/stdout/stderr and the terminal interfaces (no
 * terminal is ever attached).
 */
public final class CliLink {
  /** {@code wasi:cli/environment}. */
  public static final String ENVIRONMENT = "wasi:cli/environment@0.2.0";

  /** {@code wasi:cli/exit}. */
  public static final String EXIT = "wasi:cli/exit@0.2.0";

  /** {@code wasi:cli/stdin}. */
  public static final String STDIN = "wasi:cli/stdin@0.2.0";

  /** {@code wasi:cli/stdout}. */
  public static final String STDOUT = "wasi:cli/stdout@0.2.0";

  /** {@code wasi:cli/stderr}. */
  public static final String STDERR = "wasi:cli/stderr@0.2.0";

  private CliLink() {}

  /** Defines environment. */
  public static void registerEnvironment(HostDefinitions defs, EnvironmentHost env) {
    defs.function(
        ENVIRONMENT,
        "get-environment",
        a ->
            Results.one(
                Results.list(
                    env.getEnvironment().stream()
                        .map(e -> Results.tuple(Results.str(e.getKey()), Results.str(e.getValue())))
                        .toList())));
    defs.function(
        ENVIRONMENT,
        "get-arguments",
        a -> Results.one(Results.list(env.getArguments().stream().map(Results::str).toList())));
    defs.function(
        ENVIRONMENT,
        "initial-cwd",
        a -> Results.one(Results.option(env.initialCwd().map(Results::str))));
  }

  /** Defines exit; the calls end with {@link ExitException}. */
  public static void registerExit(HostDefinitions defs, ExitHost exit) {
    defs.function(
        EXIT,
        "exit",
        a -> {
          exit.exit(Args.result(a.get(0)).isOk());
          return Results.NONE;
        });
    defs.function(
        EXIT,
        "exit-with-code",
        a -> {
          exit.exitWithCode(Args.u32(a.get(0)));
          return Results.NONE;
        });
  }

  /** Defines stdin, stdout and stderr on the streams of {@code io}. */
  public static void registerStdio(
      HostDefinitions defs, StdioHost stdio, Handles handles, IoLink.Types io) {
    defs.function(
        STDIN, "get-stdin", a -> Results.one(handles.own(io.inputStream(), stdio.getStdin())));
    defs.function(
        STDOUT, "get-stdout", a -> Results.one(handles.own(io.outputStream(), stdio.getStdout())));
    defs.function(
        STDERR, "get-stderr", a -> Results.one(handles.own(io.outputStream(), stdio.getStderr())));
  }

  /** Defines the terminal interfaces: resource types that never have instances. */
  public static void registerTerminals(HostDefinitions defs, Handles handles) {
    String input = "wasi:cli/terminal-input@0.2.0";
    String output = "wasi:cli/terminal-output@0.2.0";
    defs.resource(input, "terminal-input", handles.dropper(Object.class));
    defs.resource(output, "terminal-output", handles.dropper(Object.class));
    List<Value> none = Results.one(Results.none());
    defs.function("wasi:cli/terminal-stdin@0.2.0", "get-terminal-stdin", a -> none);
    defs.function("wasi:cli/terminal-stdout@0.2.0", "get-terminal-stdout", a -> none);
    defs.function("wasi:cli/terminal-stderr@0.2.0", "get-terminal-stderr", a -> none);
  }
}
