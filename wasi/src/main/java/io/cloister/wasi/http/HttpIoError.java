package io.cloister.wasi.http;

import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.io.IoError;

/** A stream error that came from HTTP; {@code http-error-code} returns its {@link ErrorCode}. */
public final class HttpIoError extends IoError {
  private final ErrorCode code;

  /** An error with {@code code} and a description. */
  public HttpIoError(ErrorCode code, String debugString) {
    super(debugString);
    this.code = code;
  }

  /** The HTTP error code. */
  public ErrorCode code() {
    return code;
  }
}
