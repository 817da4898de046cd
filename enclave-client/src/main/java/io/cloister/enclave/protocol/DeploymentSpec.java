package io.cloister.enclave.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How an app is deployed, apart from its bytes: its name, route prefix, optional host name (its
 * SNI), environment variables, capabilities (empty: the enclave's defaults), the core engine it
 * runs on (empty: the enclave's default; ADR 0008) and its limits (each empty one the enclave's).
 */
public record DeploymentSpec(
    String name,
    String routePrefix,
    Optional<String> hostName,
    Map<String, String> env,
    List<String> capabilities,
    Optional<String> engine,
    AppLimitsSpec limits) {

  /** The core engines an app may name. */
  public static final List<String> ENGINES = List.of("chicory", "graalwasm");

  /** Copies; keeps variables sorted by name so the spec prints the same everywhere. */
  public DeploymentSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(routePrefix, "routePrefix");
    hostName = hostName == null ? Optional.empty() : hostName;
    env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    engine = engine == null ? Optional.empty() : engine;
    limits = limits == null ? AppLimitsSpec.defaults() : limits;
  }

  /** A spec with the enclave's default limits. */
  public DeploymentSpec(
      String name,
      String routePrefix,
      Optional<String> hostName,
      Map<String, String> env,
      List<String> capabilities,
      Optional<String> engine) {
    this(name, routePrefix, hostName, env, capabilities, engine, AppLimitsSpec.defaults());
  }

  /** This spec with other limits. */
  public DeploymentSpec withLimits(AppLimitsSpec newLimits) {
    return new DeploymentSpec(name, routePrefix, hostName, env, capabilities, engine, newLimits);
  }

  /** A spec on the enclave's default engine. */
  public DeploymentSpec(
      String name,
      String routePrefix,
      Optional<String> hostName,
      Map<String, String> env,
      List<String> capabilities) {
    this(name, routePrefix, hostName, env, capabilities, Optional.empty());
  }

  /** A spec with the default capabilities and no variables. */
  public static DeploymentSpec of(String name, String routePrefix, Optional<String> hostName) {
    return new DeploymentSpec(name, routePrefix, hostName, Map.of(), List.of());
  }

  /** Checks every rule of {@link DeploymentRules}. */
  public void validate() throws InvalidDeploymentException {
    DeploymentRules.checkName(name);
    DeploymentRules.checkRoutePrefix(routePrefix);
    if (hostName.isPresent()) {
      DeploymentRules.checkHostName(hostName.get());
    }
    if (engine.isPresent() && !ENGINES.contains(engine.get())) {
      throw new InvalidDeploymentException(
          "engine", "'" + engine.get() + "' is not an engine; the engines are " + ENGINES);
    }
    limits.validate();
    if (env.size() > DeploymentRules.MAX_VARIABLES) {
      throw new InvalidDeploymentException(
          "env", env.size() + " variables, at most " + DeploymentRules.MAX_VARIABLES);
    }
    long bytes = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().contains("=") || e.getKey().indexOf('\0') >= 0) {
        throw new InvalidDeploymentException(
            "env", "'" + e.getKey() + "' is not a variable name (empty, or has '=' or NUL)");
      }
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > DeploymentRules.MAX_VARIABLE_BYTES) {
      throw new InvalidDeploymentException(
          "env",
          "variables hold " + bytes + " bytes, at most " + DeploymentRules.MAX_VARIABLE_BYTES);
    }
  }
}
