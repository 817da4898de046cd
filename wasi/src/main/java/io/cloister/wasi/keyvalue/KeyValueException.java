package io.cloister.wasi.keyvalue;

import java.util.Objects;

/** A key-value operation failed with a {@link KeyValueError} to return to the guest. */
public final class KeyValueException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient KeyValueError error;

  /** Fails with {@code error}. */
  public KeyValueException(KeyValueError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** Fails with {@code error}, caused by {@code cause}. */
  public KeyValueException(KeyValueError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** An {@code other} error carrying {@code message}. */
  public static KeyValueException other(String message) {
    return new KeyValueException(new KeyValueError.Other(message), message);
  }

  /** The error to return. */
  public KeyValueError error() {
    return error;
  }
}
