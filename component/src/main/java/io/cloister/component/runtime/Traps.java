package io.cloister.component.runtime;

import io.cloister.component.abi.ValueMismatchException;

/** Turns what goes wrong during a call into a {@link ComponentTrapException}. */
final class Traps {
  private Traps() {}

  static RuntimeException wrap(String function, Throwable e) {
    if (e instanceof ComponentTrapException t) {
      return t;
    }
    if (e instanceof ValueMismatchException v) {
      // the caller passed values that do not fit the type: its mistake, not a guest trap
      return v;
    }
    String what =
        e instanceof StackOverflowError
            ? "call stack exhausted"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ComponentTrapException(function, what, e);
  }
}
