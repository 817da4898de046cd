package io.cloister.attestation.collateral;

/** Collateral could not be fetched from a PCS/PCCS, or what it served is unusable. */
public final class CollateralFetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CollateralFetchException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public CollateralFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
