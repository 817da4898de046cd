package io.cloister.attestation.ratls;

import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.ConfigTree;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an enclave publishes about itself: its host name, the runtime measurement, every deployed
 * app and, when it keeps one, its deployment log's tree head ({@link ConfigKeys#DEPLOYMENT_LOG}).
 * Its {@link #tree() Config Merkle tree} is what certificates and quotes bind.
 */
public record EnclaveConfig(
    String enclaveHostname,
    byte[] runtimeMeasurement,
    AppManifest apps,
    Optional<byte[]> deploymentLog) {

  /** Copies the measurement; refuses duplicate hostnames and the enclave's own. */
  public EnclaveConfig {
    Objects.requireNonNull(enclaveHostname, "enclaveHostname");
    deploymentLog = deploymentLog == null ? Optional.empty() : deploymentLog.map(byte[]::clone);
    if (deploymentLog.isPresent() && deploymentLog.get().length != 40) {
      throw new IllegalArgumentException("a deployment-log head value is 40 bytes");
    }
    if (runtimeMeasurement.length != 32) {
      throw new IllegalArgumentException(
          "runtime measurement is " + runtimeMeasurement.length + " bytes, expected 32");
    }
    runtimeMeasurement = runtimeMeasurement.clone();
    Set<String> hosts = new HashSet<>(Set.of(enclaveHostname));
    for (AppDescriptor app : apps.apps()) {
      if (!hosts.add(app.hostname())) {
        throw new IllegalArgumentException(
            "hostname '" + app.hostname() + "' of app '" + app.name() + "' is already taken");
      }
    }
  }

  /** A configuration with these apps and no deployment log. */
  public EnclaveConfig(
      String enclaveHostname, byte[] runtimeMeasurement, List<AppDescriptor> apps) {
    this(enclaveHostname, runtimeMeasurement, new AppManifest(apps), Optional.empty());
  }

  /** A configuration with these apps and no deployment log. */
  public EnclaveConfig(String enclaveHostname, byte[] runtimeMeasurement, AppManifest apps) {
    this(enclaveHostname, runtimeMeasurement, apps, Optional.empty());
  }

  /** This configuration with the deployment log's head at {@code size} entries and {@code root}. */
  public EnclaveConfig withDeploymentLog(long size, byte[] root) {
    return new EnclaveConfig(
        enclaveHostname,
        runtimeMeasurement,
        apps,
        Optional.of(ConfigKeys.deploymentLogValue(size, root)));
  }

  @Override
  public Optional<byte[]> deploymentLog() {
    return deploymentLog.map(byte[]::clone);
  }

  @Override
  public byte[] runtimeMeasurement() {
    return runtimeMeasurement.clone();
  }

  /**
   * The Config Merkle tree: {@code runtime/measurement} (32 raw bytes) and, per app, {@code
   * code-hash} (32 raw bytes), {@code route-prefix} and {@code hostname} (UTF-8), and {@code
   * capabilities} (UTF-8, sorted, one per line, each line ending in '\n'; empty when none).
   */
  public ConfigTree tree() {
    Map<String, byte[]> entries = new HashMap<>();
    entries.put(ConfigKeys.RUNTIME_MEASUREMENT, runtimeMeasurement);
    deploymentLog.ifPresent(v -> entries.put(ConfigKeys.DEPLOYMENT_LOG, v));
    for (AppDescriptor app : apps.apps()) {
      entries.put(ConfigKeys.appCodeHash(app.name()), app.codeHash());
      entries.put(ConfigKeys.appRoutePrefix(app.name()), utf8(app.routePrefix()));
      entries.put(ConfigKeys.appHostname(app.name()), utf8(app.hostname()));
      StringBuilder caps = new StringBuilder();
      app.capabilities().forEach(c -> caps.append(c).append('\n'));
      entries.put(ConfigKeys.appCapabilities(app.name()), utf8(caps.toString()));
    }
    return ConfigTree.of(entries);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnclaveConfig c
        && enclaveHostname.equals(c.enclaveHostname)
        && Arrays.equals(runtimeMeasurement, c.runtimeMeasurement)
        && apps.equals(c.apps)
        && Arrays.equals(deploymentLog.orElse(null), c.deploymentLog.orElse(null));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enclaveHostname,
        Arrays.hashCode(runtimeMeasurement),
        apps,
        Arrays.hashCode(deploymentLog.orElse(null)));
  }

  @Override
  public String toString() {
    return "EnclaveConfig[" + enclaveHostname + ", " + apps.apps().size() + " app(s)]";
  }
}
