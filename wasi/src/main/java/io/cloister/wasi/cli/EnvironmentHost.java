package io.cloister.wasi.cli;

import io.cloister.component.bind.Tuple2;
import io.cloister.wasi.bindings.wasi.cli.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wasi:cli/environment}: the variables, arguments and working directory configured for the
 * app. Never the host process's own environment: the guest sees only what its deployment declares.
 */
public final class EnvironmentHost implements Environment {
  private final List<Tuple2<String, String>> variables;
  private final List<String> arguments;
  private final Optional<String> initialCwd;

  /** An environment of exactly these variables (in this order), arguments and directory. */
  public EnvironmentHost(
      List<Map.Entry<String, String>> variables, List<String> arguments, Optional<String> cwd) {
    this.variables = variables.stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).toList();
    this.arguments = List.copyOf(arguments);
    this.initialCwd = cwd;
  }

  /** {@code get-environment}. */
  @Override
  public List<Tuple2<String, String>> getEnvironment() {
    return variables;
  }

  /** {@code get-arguments}. */
  @Override
  public List<String> getArguments() {
    return arguments;
  }

  /** {@code initial-cwd}. */
  @Override
  public Optional<String> initialCwd() {
    return initialCwd;
  }
}
