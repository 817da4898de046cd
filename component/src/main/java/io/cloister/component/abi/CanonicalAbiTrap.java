package io.cloister.component.abi;

/**
 * A trap raised by the Canonical ABI: the guest broke a rule (an out-of-bounds or misaligned
 * pointer, an invalid {@code char}, an unknown discriminant, a bad or still-borrowed handle, a
 * malformed string). The message says what was wrong and where.
 */
public final class CanonicalAbiTrap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A trap with the given explanation. */
  public CanonicalAbiTrap(String message) {
    super(message);
  }

  /** A trap caused by another failure (for example a trap inside {@code realloc}). */
  public CanonicalAbiTrap(String message, Throwable cause) {
    super(message, cause);
  }
}
