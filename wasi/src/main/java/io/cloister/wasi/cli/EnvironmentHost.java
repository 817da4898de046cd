package io.cloister.wasi.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wasi:cli/environment}: the variables, arguments and working directory configured for the
 * app. Never the host process's own environment: the guest sees only what its deployment declares.
 */
public final class EnvironmentHost {
  private final List<Map.Entry<String, String>> variables;
  private final List<String> arguments;
  private final Optional<String> initialCwd;

  /** An environment of exactly these variables (in this order), arguments and directory. */
  public EnvironmentHost(
      List<Map.Entry<String, String>> variables, List<String> arguments, Optional<String> cwd) {
    this.variables = variables.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    this.arguments = List.copyOf(arguments);
    this.initialCwd = cwd;
  }

  /** {@code get-environment}. */
  public List<Map.Entry<String, String>> getEnvironment() {
    return variables;
  }

  /** {@code get-arguments}. */
  public List<String> getArguments() {
    return arguments;
  }

  /** {@code initial-cwd}. */
  public Optional<String> initialCwd() {
    return initialCwd;
  }
}
