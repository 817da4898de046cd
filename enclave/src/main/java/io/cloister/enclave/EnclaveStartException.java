package io.cloister.enclave;

/** The enclave could not start: what could not be set up. */
public final class EnclaveStartException extends Exception {
  /** With the cause, if any. */
  public EnclaveStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
