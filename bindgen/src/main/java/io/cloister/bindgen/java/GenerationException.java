package io.cloister.bindgen.java;

/** A resolved WIT model cannot be expressed as Java bindings (a name clash, too many flags). */
public final class GenerationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The problem, naming the WIT item. */
  public GenerationException(String message) {
    super(message);
  }
}
