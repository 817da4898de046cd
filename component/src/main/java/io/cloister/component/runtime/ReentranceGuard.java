package io.cloister.component.runtime;

/**
 * The spec's {@code may_enter} flag of one component instance: while a call into the instance is
 * running, another call into it (for example from a host function it called) traps.
 */
final class ReentranceGuard {
  private boolean entered;

  void enter(String function) {
    if (entered) {
      throw new ComponentTrapException(
          function, "the component instance is already running a call (reentrance is refused)", null);
    }
    entered = true;
  }

  void exit() {
    entered = false;
  }
}
