package io.cloister.component.runtime;

/** Turns what goes wrong during a call into a {@link ComponentTrapException}. */
final class Traps {
  private Traps() {}

  static ComponentTrapException wrap(String function, Throwable e) {
    if (e instanceof ComponentTrapException t) {
      return t;
    }
    String what =
        e instanceof StackOverflowError
            ? "call stack exhausted"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ComponentTrapException(function, what, e);
  }
}
