package io.cloister.component.outline;

/** One element of a decoded function body: a plain instruction or a structured block. */
sealed interface Node permits Op, Block {
  /** Encoded size in bytes (an estimate for instructions that get re-encoded). */
  int size();

  /** Operands this node takes from its enclosing frame. */
  int pop();

  /** Operands this node leaves in its enclosing frame. */
  int push();
}
