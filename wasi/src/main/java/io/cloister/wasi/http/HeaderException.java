package io.cloister.wasi.http;

/** A fields operation returned {@code err(header-error)}. */
public final class HeaderException extends Exception {
  private static final long serialVersionUID = 1L;
  private final HeaderError error;

  /** Fails with {@code error}; {@code message} says which field and why. */
  public HeaderException(HeaderError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  /** The error to return. */
  public HeaderError error() {
    return error;
  }
}
