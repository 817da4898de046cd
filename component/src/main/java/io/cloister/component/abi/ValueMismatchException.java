package io.cloister.component.abi;

/** A host-supplied {@link io.cloister.component.values.Value} does not fit the type it is lowered as. */
public final class ValueMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A mismatch with the given explanation. */
  public ValueMismatchException(String message) {
    super(message);
  }
}
