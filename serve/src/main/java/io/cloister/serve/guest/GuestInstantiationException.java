package io.cloister.serve.guest;

/** An app's component could not be instantiated (a start trap, a missing import, a limit). */
public final class GuestInstantiationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An instantiation failure described by {@code message}, caused by {@code cause}. */
  public GuestInstantiationException(String message, Throwable cause) {
    super(message, cause);
  }
}
