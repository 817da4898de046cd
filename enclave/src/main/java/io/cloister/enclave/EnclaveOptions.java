package io.cloister.enclave;

import io.cloister.engine.graalwasm.component.EngineChoice;
import io.cloister.serve.AppLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an enclave runs.
 *
 * @param dataDir where it keeps its state (deployments, artifacts, the manager token, the
 *     simulation authority)
 * @param bind the address both listeners bind, e.g. {@code 127.0.0.1}
 * @param port the apps' HTTPS port (0 picks one)
 * @param managePort the management API's HTTPS port (0 picks one)
 * @param attester {@code simulated} or {@code gramine}
 * @param hostName the enclave's own host name (its certificate's, and the suffix of apps' default
 *     host names)
 * @param engine the core engine apps run on; empty: chosen by each component's size (ADR 0012)
 * @param maxArtifactBytes the largest artifact a deployment may upload
 * @param maxMemoryBytes the most linear memory one instance of any app may hold
 * @param stopGrace how long requests in flight may take to finish when the enclave stops
 * @param pccs where a hardware enclave fetches the collateral it offers: a PCCS, or empty for
 *     Intel's PCS
 */
public record EnclaveOptions(
    Path dataDir,
    String bind,
    int port,
    int managePort,
    String attester,
    String hostName,
    Optional<EngineChoice> engine,
    long maxArtifactBytes,
    long maxMemoryBytes,
    Duration stopGrace,
    Optional<java.net.URI> pccs) {

  /** The default data directory: {@code ~/.cloister/enclave}. */
  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".cloister", "enclave");
  }

  /** Checks. */
  public EnclaveOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(pccs, "pccs");
    if (!attester.equals("simulated") && !attester.equals("gramine")) {
      throw new IllegalArgumentException("attester must be simulated or gramine, got " + attester);
    }
    if (port < 0 || port > 65535 || managePort < 0 || managePort > 65535) {
      throw new IllegalArgumentException("ports are 0..65535");
    }
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("the memory cap must not be negative: " + maxMemoryBytes);
    }
  }

  /**
   * Loopback, ports 8443 and 9443, the simulated attester, host name {@code localhost}, the engine
   * chosen by size,
   * artifacts up to 256 MiB, 256 MiB of linear memory per instance, 10 s to finish requests when
   * stopping.
   */
  public static EnclaveOptions defaults(Path dataDir) {
    return new EnclaveOptions(
        dataDir,
        "127.0.0.1",
        8443,
        9443,
        "simulated",
        "localhost",
        Optional.empty(),
        256L << 20,
        AppLimits.DEFAULT_MAX_MEMORY_BYTES,
        Duration.ofSeconds(10),
        Optional.empty());
  }

  /** These options on other ports. */
  public EnclaveOptions withPorts(int newPort, int newManagePort) {
    return new EnclaveOptions(
        dataDir,
        bind,
        newPort,
        newManagePort,
        attester,
        hostName,
        engine,
        maxArtifactBytes,
        maxMemoryBytes,
        stopGrace,
        pccs);
  }
}
