package io.cloister.enclave.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployed app as the enclave reports it.
 *
 * @param codeHash SHA-256 of the artifact as deployed, hex
 * @param artifactKind {@code component} (a raw .wasm) or {@code cwasm}
 * @param serving {@code http} when its incoming handler answers under its prefix, {@code rpc} when
 *     it only exports functions
 * @param certificateFingerprint SHA-256 of its certificate's DER, hex (its host name's certificate,
 *     or the enclave certificate when it has no host name)
 */
public record AppStatus(
    String name,
    String routePrefix,
    Optional<String> hostName,
    String codeHash,
    List<String> capabilities,
    String artifactKind,
    long artifactSize,
    Instant deployedAt,
    String serving,
    String certificateFingerprint) {

  /** Copies. */
  public AppStatus {
    Objects.requireNonNull(name, "name");
    hostName = hostName == null ? Optional.empty() : hostName;
    capabilities = List.copyOf(capabilities);
  }
}
