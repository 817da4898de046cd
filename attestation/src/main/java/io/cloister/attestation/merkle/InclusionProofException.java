package io.cloister.attestation.merkle;

/** An inclusion proof that is malformed or does not lead to the expected root. */
public final class InclusionProofException extends Exception {

  /** With a message that names the leaf, index and tree size involved. */
  public InclusionProofException(String message) {
    super(message);
  }
}
