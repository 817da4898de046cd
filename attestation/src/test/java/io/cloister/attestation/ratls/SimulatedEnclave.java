package io.cloister.attestation.ratls;

import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A simulated enclave for tests: authority, attester (fixed MRENCLAVE), collateral, appraisers. */
record SimulatedEnclave(
    SimulationAuthority authority, SimulatedAttester attester, Collateral collateral) {

  static final byte[] MRENCLAVE = TestConfigs.filled(0x5e);

  static SimulatedEnclave create(Path dir) throws Exception {
    SimulationAuthority authority = SimulationAuthority.loadOrCreate(dir);
    return new SimulatedEnclave(
        authority,
        new SimulatedAttester(authority, MRENCLAVE, 0, 0),
        authority.collateral(
            Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of()));
  }

  /** The real DCAP appraisal, trusting Intel's root and this simulation root. */
  QuoteAppraiser appraiser(boolean allowSimulated) {
    QuoteVerifier verifier = new QuoteVerifier(List.of(TrustRoot.intel(), authority.trustRoot()));
    return new DcapQuoteAppraiser(
        verifier,
        collateral,
        AppraisalPolicy.builder().allowSimulated(allowSimulated).build(),
        Clock.systemUTC());
  }

  RaTlsVerifier verifier(boolean allowSimulated) {
    return new RaTlsVerifier(appraiser(allowSimulated), Clock.systemUTC());
  }

  CertificateSet issue(EnclaveConfig config) throws Exception {
    return new RaTlsIssuer(attester).issue(config);
  }
}
