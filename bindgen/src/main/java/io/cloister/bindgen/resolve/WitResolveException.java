package io.cloister.bindgen.resolve;

import io.cloister.bindgen.wit.Pos;

/**
 * A WIT root is well-formed text but does not make sense: an unknown name, a duplicate, a cycle.
 */
public final class WitResolveException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Pos pos;

  /** A problem at {@code pos} (null if it has no single place). */
  public WitResolveException(Pos pos, String problem) {
    super(pos == null ? problem : pos + ": " + problem);
    this.pos = pos;
  }

  /** Where the problem is, or null. */
  public Pos pos() {
    return pos;
  }
}
