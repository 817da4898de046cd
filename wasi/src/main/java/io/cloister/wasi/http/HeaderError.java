package io.cloister.wasi.http;

/** The {@code wasi:http/types.header-error} variant (its cases carry no payload). */
public enum HeaderError {
  /** {@code invalid-syntax}: a name is not an HTTP token, or a value holds a forbidden byte. */
  INVALID_SYNTAX,
  /** {@code forbidden}: the host does not let guests set this field. */
  FORBIDDEN,
  /** {@code immutable}: these fields may not be changed. */
  IMMUTABLE
}
