package io.cloister.enclave.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * What an enclave says about itself.
 *
 * @param attester {@code simulated} or {@code gramine}
 * @param mrEnclave the runtime's measurement, hex
 * @param mrSigner the signer's measurement, hex
 * @param merkleRoot the current Config Merkle root, hex
 * @param appCertificateFingerprints by host name, hex
 * @param certificatesNotAfter when the current certificates expire (they are renewed before)
 */
public record EnclaveInfo(
    String hostName,
    String attester,
    boolean simulated,
    String mrEnclave,
    String mrSigner,
    String merkleRoot,
    String enclaveCertificateFingerprint,
    Map<String, String> appCertificateFingerprints,
    Instant certificatesNotAfter,
    int apps,
    String version) {

  /** Copies. */
  public EnclaveInfo {
    appCertificateFingerprints = Map.copyOf(appCertificateFingerprints);
  }
}
