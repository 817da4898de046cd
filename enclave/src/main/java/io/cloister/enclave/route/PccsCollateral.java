package io.cloister.enclave.route;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.Attester;
import io.cloister.attestation.collateral.CollateralFetchException;
import io.cloister.attestation.collateral.OfferedCollateral;
import io.cloister.attestation.collateral.PcsClient;
import java.util.Optional;

/**
 * The collateral a hardware enclave offers: Intel's, for the platform its own quotes name, fetched
 * from the PCS or a PCCS and kept until its next update ({@link PcsClient}). Intel signed it, so
 * relaying it adds nothing a verifier must trust.
 */
public final class PccsCollateral implements CollateralSource {
  private final PcsClient pcs;
  private final Attester attester;
  private byte[] quote;

  /** Collateral from {@code pcs} for the platform {@code attester} quotes on. */
  public PccsCollateral(PcsClient pcs, Attester attester) {
    this.pcs = pcs;
    this.attester = attester;
  }

  @Override
  public byte[] offer() throws CollateralUnavailableException {
    try {
      return new OfferedCollateral(pcs.collateralFor(platformQuote()), Optional.empty()).encode();
    } catch (CollateralFetchException | AttestationException e) {
      throw new CollateralUnavailableException(
          "cannot fetch the collateral of this platform: " + e.getMessage(), e);
    }
  }

  /** One quote names the platform (FMSPC, PCK CA), which does not change while the enclave runs. */
  private synchronized byte[] platformQuote() throws AttestationException {
    if (quote == null) {
      quote = attester.quote(new byte[64]);
    }
    return quote;
  }
}
