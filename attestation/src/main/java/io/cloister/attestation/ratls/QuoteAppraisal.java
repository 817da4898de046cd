package io.cloister.attestation.ratls;

import java.util.Objects;

/**
 * A quote appraiser's verdict.
 *
 * @param accepted whether the quote satisfies the policy
 * @param simulated whether the quote came from a simulated attester
 * @param detail what was checked, or why the quote was rejected
 */
public record QuoteAppraisal(boolean accepted, boolean simulated, String detail) {

  /** Checks the detail. */
  public QuoteAppraisal {
    Objects.requireNonNull(detail, "detail");
  }
}
