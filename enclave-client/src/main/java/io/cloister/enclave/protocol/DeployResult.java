package io.cloister.enclave.protocol;

import java.util.Map;

/**
 * The answer to a deploy or undeploy: what runs now (absent after an undeploy), the new Config
 * Merkle root and the fingerprints of the certificates issued for it.
 *
 * @param app the deployed app, or null for an undeploy
 * @param redeploy whether an app of that name ran before
 * @param merkleRoot the new Config Merkle root, hex
 * @param enclaveCertificateFingerprint SHA-256 of the new enclave certificate, hex
 * @param appCertificateFingerprints by host name, SHA-256 of each new app certificate, hex
 * @param logHead the deployment log's tree head with this change's entry in it
 */
public record DeployResult(
    AppStatus app,
    boolean redeploy,
    String merkleRoot,
    String enclaveCertificateFingerprint,
    Map<String, String> appCertificateFingerprints,
    LogTreeHead logHead) {

  /** Copies. */
  public DeployResult {
    appCertificateFingerprints = Map.copyOf(appCertificateFingerprints);
    java.util.Objects.requireNonNull(logHead, "logHead");
  }
}
