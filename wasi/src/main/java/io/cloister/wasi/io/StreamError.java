package io.cloister.wasi.io;

import java.util.Objects;

/** The {@code wasi:io/streams.stream-error} variant. */
public sealed interface StreamError {

  /** {@code closed}: the stream ended (input) or will accept no more data (output). */
  record Closed() implements StreamError {}

  /** {@code last-operation-failed}: the last operation failed; the stream is closed from now on. */
  record LastOperationFailed(IoError error) implements StreamError {
    public LastOperationFailed {
      Objects.requireNonNull(error, "error");
    }
  }

  /** The shared {@code closed} value. */
  StreamError CLOSED = new Closed();
}
