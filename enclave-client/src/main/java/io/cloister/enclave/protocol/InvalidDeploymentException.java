package io.cloister.enclave.protocol;

/** A deployment spec breaks a rule: which field, and why. */
public final class InvalidDeploymentException extends Exception {
  private final String field;

  /** {@code field} is the spec's JSON member, e.g. {@code routePrefix}. */
  public InvalidDeploymentException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field at fault. */
  public String field() {
    return field;
  }
}
