package io.cloister.attestation.probe;

import io.cloister.attestation.collateral.CollateralFetchException;
import io.cloister.attestation.collateral.OfferedCollateral;
import io.cloister.attestation.ratls.CheckResult;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.QuoteAppraiser;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A quote appraiser with the collateral an enclave offers ({@link OfferedCollateral}), for
 * verifiers given nothing but the enclave's address, and the report line that says where the
 * collateral came from. The enclave's simulation root is trusted only when {@code policy} allows
 * simulation.
 *
 * @param appraiser appraises the enclave's quotes
 * @param provenance the {@code collateral} check: where it came from, what was trusted
 */
public record OfferedAppraiser(QuoteAppraiser appraiser, CheckResult provenance) {

  /**
   * Fetches the collateral the enclave at {@code host:port} offers and appraises with it under
   * {@code policy}, trusting {@code roots} and, if the policy allows simulation, the enclave's own
   * simulation root.
   *
   * @throws CollateralFetchException if the enclave offers no usable collateral
   */
  public static OfferedAppraiser fetch(
      String host,
      int port,
      Duration timeout,
      List<TrustRoot> roots,
      AppraisalPolicy policy,
      Clock clock)
      throws CollateralFetchException {
    OfferedCollateral offer = OfferedCollateral.fetch(host, port, timeout);
    List<TrustRoot> trusted = new ArrayList<>(roots);
    String where = "fetched from the enclave (" + OfferedCollateral.PATH + ")";
    String detail;
    if (offer.simulationRoot().isEmpty()) {
      detail = where + ", checked by its signatures";
    } else if (policy.allowSimulated()) {
      trusted.add(TrustRoot.simulation(offer.simulationRoot().get()));
      detail =
          where + "; its simulation root CA was taken from the enclave itself and is trusted only"
              + " because simulation is allowed: this proves nothing about the enclave";
    } else {
      detail = where + "; the simulation root it offers is not trusted (simulation not allowed)";
    }
    return new OfferedAppraiser(
        new DcapQuoteAppraiser(new QuoteVerifier(trusted), offer.collateral(), policy, clock),
        CheckResult.pass("collateral", detail));
  }
}
