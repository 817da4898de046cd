package io.cloister.enclave.rpc;

/** A JSON call that did not produce a result, with what went wrong and where. */
public final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, and whose fault it is. */
  public enum Kind {
    /** No such app, or no such exported function (the caller's mistake). */
    NOT_FOUND,
    /** The arguments do not fit the parameters, or the function cannot take JSON at all. */
    BAD_ARGUMENTS,
    /** The app already runs as many calls as it may; the caller may retry. */
    BUSY,
    /** The function trapped, or its instance hit its memory cap (the app's fault). */
    TRAPPED,
    /** The function did not return within the app's deadline. */
    DEADLINE
  }

  private final Kind kind;
  private final String path;

  /**
   * A failed call.
   *
   * @param path the JSON path of the argument at fault ({@code $.point.x}), or null
   */
  public RpcException(Kind kind, String path, String message) {
    super(message);
    this.kind = kind;
    this.path = path;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The JSON path of the argument at fault, or null. */
  public String path() {
    return path;
  }
}
