package io.cloister.enclave.route;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.collateral.OfferedCollateral;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The collateral a simulated enclave offers: issued by its simulation authority, valid for {@link
 * #VALIDITY} and reissued a day before it runs out, with the simulation root beside it.
 */
public final class SimulatedCollateral implements CollateralSource {
  /** How long one issue of the collateral is valid. */
  static final Duration VALIDITY = Duration.ofDays(30);

  private final SimulationAuthority authority;
  private final Clock clock;
  private byte[] current;
  private Instant expires;

  /** Collateral of {@code authority}, issued as of {@code clock}. */
  public SimulatedCollateral(SimulationAuthority authority, Clock clock) {
    this.authority = authority;
    this.clock = clock;
  }

  @Override
  public synchronized byte[] offer() throws CollateralUnavailableException {
    Instant now = clock.instant();
    if (current == null || now.isAfter(expires.minus(Duration.ofDays(1)))) {
      // Issued a little in the past so a verifier whose clock lags still accepts it.
      Instant issued = now.minus(Duration.ofHours(1));
      try {
        current =
            new OfferedCollateral(
                    authority.collateral(issued, VALIDITY, Set.of()),
                    Optional.of(authority.trustRoot().certificate()))
                .encode();
      } catch (AttestationException e) {
        throw new CollateralUnavailableException("cannot issue the simulated collateral", e);
      }
      expires = issued.plus(VALIDITY);
    }
    return current;
  }
}
