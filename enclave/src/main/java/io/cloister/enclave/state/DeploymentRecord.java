package io.cloister.enclave.state;

import io.cloister.enclave.protocol.DeploymentSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One deployed app as the enclave keeps it: the spec it was deployed with, the granted
 * capabilities, and what the artifact was (its SHA-256 code hash names it in the store).
 *
 * @param capabilities the interface names granted, sorted (the spec's, or the defaults)
 * @param artifactKind {@code component} or {@code cwasm}
 */
public record DeploymentRecord(
    DeploymentSpec spec,
    List<String> capabilities,
    byte[] codeHash,
    String artifactKind,
    long artifactSize,
    Instant deployedAt) {

  /** Copies; requires a 32-byte code hash. */
  public DeploymentRecord {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(artifactKind, "artifactKind");
    Objects.requireNonNull(deployedAt, "deployedAt");
    capabilities = capabilities.stream().sorted().distinct().toList();
    if (codeHash.length != 32) {
      throw new IllegalArgumentException("a code hash has 32 bytes, got " + codeHash.length);
    }
    codeHash = codeHash.clone();
  }

  /** The app's name. */
  public String name() {
    return spec.name();
  }

  @Override
  public byte[] codeHash() {
    return codeHash.clone();
  }

  /** The code hash in hex. */
  public String codeHashHex() {
    return HexFormat.of().formatHex(codeHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeploymentRecord r
        && spec.equals(r.spec)
        && capabilities.equals(r.capabilities)
        && java.util.Arrays.equals(codeHash, r.codeHash)
        && artifactKind.equals(r.artifactKind)
        && artifactSize == r.artifactSize
        && deployedAt.equals(r.deployedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, capabilities, java.util.Arrays.hashCode(codeHash), deployedAt);
  }

  @Override
  public String toString() {
    return "DeploymentRecord[" + name() + ", " + codeHashHex() + "]";
  }
}
