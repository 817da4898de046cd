package io.cloister.attestation.freshness;

/** A freshness challenge or its answer is malformed. */
public final class FreshnessException extends Exception {

  /** With what is wrong. */
  public FreshnessException(String message) {
    super(message);
  }
}
