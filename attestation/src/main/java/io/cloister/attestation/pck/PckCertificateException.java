package io.cloister.attestation.pck;

/** A PCK certificate, its chain's PEM text or its SGX extensions are malformed. */
public final class PckCertificateException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public PckCertificateException(String message) {
    super(message);
  }

  /** Creates the exception. */
  public PckCertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
