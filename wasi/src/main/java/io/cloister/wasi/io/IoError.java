package io.cloister.wasi.io;

import java.util.Objects;

/**
 * The {@code wasi:io/error.error} resource: why a stream operation failed. Other packages subclass
 * it to carry a typed cause (wasi:http's {@code http-error-code} reads one back).
 */
public class IoError {
  private final String debugString;

  /** An error described by {@code debugString}. */
  public IoError(String debugString) {
    this.debugString = Objects.requireNonNull(debugString, "debugString");
  }

  /** {@code to-debug-string}: a human-readable description, not meant to be parsed. */
  public final String toDebugString() {
    return debugString;
  }

  @Override
  public String toString() {
    return "IoError[" + debugString + "]";
  }
}
