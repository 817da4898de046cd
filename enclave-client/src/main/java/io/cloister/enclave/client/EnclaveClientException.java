package io.cloister.enclave.client;

/** A management call that did not get its answer; see the subclasses for why. */
public sealed class EnclaveClientException extends Exception
    permits EnclaveAttestationException, EnclaveRequestException {
  /** Why the call failed. */
  public EnclaveClientException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Why the call failed. */
  public EnclaveClientException(String message) {
    super(message);
  }
}
