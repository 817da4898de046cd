package io.cloister.wasi.http;

import java.util.Objects;

/** An HTTP operation returned {@code err(error-code)}. */
public final class HttpErrorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ErrorCode code;

  /** Fails with {@code code}; {@code message} gives the context. */
  public HttpErrorException(ErrorCode code, String message) {
    super(message + " (" + code + ")", null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The error code to return. */
  public ErrorCode code() {
    return code;
  }
}
