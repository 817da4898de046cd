package io.cloister.enclave.deploy;

/**
 * A deployment refused or failed, with nothing changed: the kind says whose fault it was (and so
 * the HTTP status), the message what and where.
 */
public final class DeploymentException extends Exception {
  /** Why a deployment did not happen. */
  public enum Kind {
    /** The spec breaks a rule (400). */
    INVALID_SPEC,
    /** The artifact is not something the enclave runs (400 or 415). */
    INVALID_ARTIFACT,
    /** The artifact is too large (413). */
    TOO_LARGE,
    /** Another app holds the route prefix or host name (409). */
    CONFLICT,
    /** No app of that name (404). */
    NOT_FOUND,
    /** The enclave could not complete it: storage or attestation failed (500, logged). */
    INTERNAL
  }

  private final Kind kind;
  private final String field;

  /** {@code field} names the spec member at fault, or null. */
  public DeploymentException(Kind kind, String field, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.field = field;
  }

  /** Without a cause or field. */
  public DeploymentException(Kind kind, String message) {
    this(kind, null, message, null);
  }

  /** Why. */
  public Kind kind() {
    return kind;
  }

  /** The spec member at fault, or null. */
  public String field() {
    return field;
  }
}
