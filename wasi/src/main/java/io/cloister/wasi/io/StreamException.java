package io.cloister.wasi.io;

import java.util.Objects;

/** A stream operation returned {@code err(stream-error)}; the binding lowers {@link #error()}. */
public final class StreamException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient StreamError error;

  /** Wraps {@code error}. */
  public StreamException(StreamError error) {
    super(describe(error), null, false, false);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The {@code closed} error. */
  public static StreamException closed() {
    return new StreamException(StreamError.CLOSED);
  }

  /** The stream-error to return to the guest. */
  public StreamError error() {
    return error;
  }

  private static String describe(StreamError error) {
    return switch (error) {
      case StreamError.Closed c -> "stream closed";
      case StreamError.LastOperationFailed f -> "stream failed: " + f.error().toDebugString();
    };
  }
}
