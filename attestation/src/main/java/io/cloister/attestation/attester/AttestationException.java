package io.cloister.attestation.attester;

/** An attester could not produce a quote (device missing, I/O failure, key problem). */
public final class AttestationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public AttestationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public AttestationException(String message) {
    super(message);
  }
}
