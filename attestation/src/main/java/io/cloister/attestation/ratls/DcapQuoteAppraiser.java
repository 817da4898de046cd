package io.cloister.attestation.ratls;

import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.verify.Appraisal;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteReport;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.Violation;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Adapts the DCAP {@link QuoteVerifier} and an {@link AppraisalPolicy} (simulation allowed or not,
 * measurements, TCB status) to RA-TLS verification, with the collateral the caller supplies.
 */
public final class DcapQuoteAppraiser implements QuoteAppraiser {

  private final QuoteVerifier verifier;
  private final Collateral collateral;
  private final AppraisalPolicy policy;
  private final Clock clock;

  /**
   * Appraises with {@code verifier} and {@code collateral} under {@code policy} at {@code clock}.
   */
  public DcapQuoteAppraiser(
      QuoteVerifier verifier, Collateral collateral, AppraisalPolicy policy, Clock clock) {
    this.verifier = verifier;
    this.collateral = collateral;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public QuoteAppraisal appraise(byte[] quote) {
    Appraisal appraisal = verifier.appraise(quote, collateral, policy, clock.instant());
    boolean simulated = appraisal.report().map(QuoteReport::simulated).orElse(false);
    if (!appraisal.accepted()) {
      return new QuoteAppraisal(
          false,
          simulated,
          appraisal.violations().stream()
              .map(Violation::toString)
              .collect(Collectors.joining("; ")));
    }
    QuoteReport report = appraisal.report().orElseThrow();
    StringBuilder detail =
        new StringBuilder("DCAP quote verified, TCB status ").append(report.tcbStatus());
    if (!report.advisoryIds().isEmpty()) {
      detail.append(", advisories ").append(report.advisoryIds());
    }
    report.warnings().forEach(w -> detail.append("; ").append(w));
    return new QuoteAppraisal(true, simulated, detail.toString());
  }
}
