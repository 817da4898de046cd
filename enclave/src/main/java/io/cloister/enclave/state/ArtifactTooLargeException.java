package io.cloister.enclave.state;

/** An upload longer than the enclave accepts; nothing of it was kept. */
public final class ArtifactTooLargeException extends Exception {
  private final long limit;

  /** {@code limit} is the most bytes accepted. */
  public ArtifactTooLargeException(long limit) {
    super("the artifact is larger than " + limit + " bytes, the most this enclave accepts");
    this.limit = limit;
  }

  /** The most bytes accepted. */
  public long limit() {
    return limit;
  }
}
