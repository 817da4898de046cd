package io.cloister.enclave.protocol;

/** A management message that is not what the protocol says: where, and what was expected. */
public final class ProtocolFormatException extends Exception {
  /** {@code where} is a JSON path such as {@code $.app.codeHash}. */
  public ProtocolFormatException(String where, String message) {
    super(where + ": " + message);
  }

  /** With the parser's cause. */
  public ProtocolFormatException(String where, String message, Throwable cause) {
    super(where + ": " + message, cause);
  }
}
