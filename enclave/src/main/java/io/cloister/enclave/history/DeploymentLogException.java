package io.cloister.enclave.history;

/** The deployment log on disk cannot be trusted or written; the message says where and why. */
public final class DeploymentLogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What was found. */
  public enum Kind {
    /** Fewer entries than the sealed head says the log had. */
    TRUNCATED,
    /** An entry or the head does not carry its MAC: edited, swapped, or from another enclave. */
    REWRITTEN,
    /** A file cannot be read or written. */
    IO
  }

  private final Kind kind;

  /** A problem of {@code kind}. */
  public DeploymentLogException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What was found. */
  public Kind kind() {
    return kind;
  }
}
