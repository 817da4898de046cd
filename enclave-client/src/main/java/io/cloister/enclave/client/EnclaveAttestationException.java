package io.cloister.enclave.client;

import io.cloister.attestation.ratls.RaTlsReport;
import java.util.Optional;

/**
 * The enclave's evidence failed the caller's policy, or could not be checked: nothing was sent to
 * it.
 */
public final class EnclaveAttestationException extends EnclaveClientException {
  private final transient RaTlsReport report;

  /** {@code report} is the failed verification, if the handshake got that far. */
  public EnclaveAttestationException(String message, RaTlsReport report, Throwable cause) {
    super(message, cause);
    this.report = report;
  }

  /** The failed verification, if there was one. */
  public Optional<RaTlsReport> report() {
    return Optional.ofNullable(report);
  }
}
