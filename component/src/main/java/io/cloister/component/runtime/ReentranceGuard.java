package io.cloister.component.runtime;

/**
 * The spec's {@code may_enter} flag of one component instance, and its poisoning: while a call
 * into the instance runs, another call into it (for example from a host function it called) traps;
 * after a trap, every later call traps, since the guest's state may be half-updated.
 */
final class ReentranceGuard {
  private boolean entered;
  private String trappedIn;

  void enter(String function) {
    if (trappedIn != null) {
      throw new ComponentTrapException(
          function, "the component instance trapped earlier (in " + trappedIn + ") and cannot be used", null);
    }
    if (entered) {
      throw new ComponentTrapException(
          function, "the component instance is already running a call (reentrance is refused)", null);
    }
    entered = true;
  }

  void exit() {
    entered = false;
  }

  void trapped(String function) {
    if (trappedIn == null) {
      trappedIn = function;
    }
  }
}
