package io.cloister.component.outline;

/**
 * A construct the outliner does not model (an unknown opcode, a GC type, an out-of-range index):
 * the function or module it occurs in is left as it is, for Chicory to accept or reject.
 */
final class Unsupported extends Exception {
  Unsupported(String what) {
    super(what, null, false, false);
  }
}
