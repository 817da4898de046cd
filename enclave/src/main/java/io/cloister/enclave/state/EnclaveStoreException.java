package io.cloister.enclave.state;

/** The enclave's storage failed or holds something it did not write: what, and where. */
public final class EnclaveStoreException extends Exception {
  /** With the cause. */
  public EnclaveStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Without a cause. */
  public EnclaveStoreException(String message) {
    super(message);
  }
}
