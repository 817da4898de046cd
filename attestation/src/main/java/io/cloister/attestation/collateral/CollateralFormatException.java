package io.cloister.attestation.collateral;

/** Collateral (TCB info, QE identity, CRLs, issuer chains, a bundle file) is malformed. */
public final class CollateralFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the exception for the named field (a JSON path or bundle key). */
  public CollateralFormatException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** Creates the exception with a cause. */
  public CollateralFormatException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
  }

  /** The offending field. */
  public String field() {
    return field;
  }
}
