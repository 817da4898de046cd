package io.cloister.enclave.route;

/** Where the collateral an enclave offers at {@code /.well-known/cloister/collateral} comes from. */
public interface CollateralSource {

  /**
   * The offer, as {@link io.cloister.attestation.collateral.OfferedCollateral#encode} writes it.
   *
   * @throws CollateralUnavailableException if it cannot be had right now (the caller may retry)
   */
  byte[] offer() throws CollateralUnavailableException;

  /** The collateral could not be issued or fetched. */
  final class CollateralUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, with the cause. */
    public CollateralUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
