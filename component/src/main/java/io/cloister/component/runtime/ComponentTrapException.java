package io.cloister.component.runtime;

/**
 * A trap while running a component: a core trap ({@code unreachable}, out-of-bounds access), a
 * Canonical ABI violation, a failing host function or a refused reentrance. Names the function
 * being called. The instance that trapped must not be used again.
 */
public final class ComponentTrapException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String function;

  /** A trap in {@code function}. */
  public ComponentTrapException(String function, String message, Throwable cause) {
    super("trap in " + function + ": " + message, cause);
    this.function = function;
  }

  /** The function during whose call the trap happened. */
  public String function() {
    return function;
  }
}
