package io.cloister.wasi.keyvalue;

import java.util.Objects;

/** The {@code wasi:keyvalue/store.error} variant. */
public sealed interface KeyValueError {

  /** {@code no-such-store}: the host does not know the bucket identifier. */
  record NoSuchStore() implements KeyValueError {}

  /** {@code access-denied}: the app may not use this bucket. */
  record AccessDenied() implements KeyValueError {}

  /** {@code other(string)}: anything else, described for a human. */
  record Other(String message) implements KeyValueError {
    public Other {
      Objects.requireNonNull(message, "message");
    }
  }
}
