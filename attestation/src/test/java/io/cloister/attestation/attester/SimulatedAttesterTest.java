package io.cloister.attestation.attester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.Fixtures;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.quote.SgxQuote;
import io.cloister.attestation.verify.Appraisal;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteReport;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.Rule;
import io.cloister.attestation.verify.TrustRoot;
import io.cloister.attestation.verify.VerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedAttesterTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  @TempDir static Path dir;
  static SimulationAuthority authority;
  static SimulatedAttester attester;
  static Collateral collateral;
  static List<Path> jars;

  @BeforeAll
  static void setUp() throws Exception {
    authority = SimulationAuthority.loadOrCreate(dir.resolve("sim"));
    Path a = Files.write(dir.resolve("b-runtime.jar"), new byte[] {1, 2, 3});
    Path b = Files.write(dir.resolve("a-lib.jar"), new byte[] {4, 5});
    jars = List.of(a, b);
    attester = new SimulatedAttester(authority, jars);
    collateral = authority.collateral(NOW.minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of());
  }

  static byte[] reportData() {
    byte[] d = new byte[64];
    for (int i = 0; i < 64; i++) {
      d[i] = (byte) (i * 7);
    }
    return d;
  }

  @Test
  void simulatedQuoteVerifiesUnderTheSimulationRootAndIsFlagged() throws Exception {
    byte[] quote = attester.quote(reportData());
    QuoteVerifier verifier = new QuoteVerifier(List.of(TrustRoot.intel(), authority.trustRoot()));
    QuoteReport r = verifier.verify(SgxQuote.parse(quote), collateral, NOW);
    assertThat(r.simulated()).isTrue();
    assertThat(r.warnings()).containsExactly(QuoteReport.SIMULATION_WARNING);
    assertThat(r.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(r.reportData()).isEqualTo(reportData());
    assertThat(r.mrEnclave()).isEqualTo(SimulatedAttester.measure(jars));
    assertThat(r.mrSigner()).isEqualTo(authority.mrSigner());
    assertThat(r.debug()).isFalse();
    assertThat(SgxQuote.parse(quote).encode()).isEqualTo(quote);

    Appraisal refused = verifier.appraise(quote, collateral, AppraisalPolicy.defaults(), NOW);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.violations())
        .extracting(v -> v.rule())
        .containsExactly(Rule.POLICY_SIMULATED);
    Appraisal allowed =
        verifier.appraise(
            quote, collateral, AppraisalPolicy.builder().allowSimulated(true).build(), NOW);
    assertThat(allowed.accepted()).isTrue();
    assertThat(allowed.report().orElseThrow().warnings()).isNotEmpty();
  }

  @Test
  void measurementDependsOnJarOrderByNameNotOnListOrder() throws Exception {
    assertThat(SimulatedAttester.measure(List.of(jars.get(1), jars.get(0))))
        .isEqualTo(SimulatedAttester.measure(jars));
    Path other = Files.write(dir.resolve("c.jar"), new byte[] {9});
    assertThat(SimulatedAttester.measure(List.of(jars.get(0), jars.get(1), other)))
        .isNotEqualTo(SimulatedAttester.measure(jars));
  }

  @Test
  void simulationRootIsRefusedByAnIntelOnlyVerifier() throws Exception {
    byte[] quote = attester.quote(reportData());
    assertThatThrownBy(() -> QuoteVerifier.intel().verify(SgxQuote.parse(quote), collateral, NOW))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CHAIN_ROOT));
  }

  @Test
  void fixtureQuoteIsRefusedUnderADifferentRoot() throws Exception {
    SgxQuote fixture = SgxQuote.parse(Fixtures.bytes("sgx_quote"));
    Collateral intel = CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json"));
    QuoteVerifier simulationOnly = new QuoteVerifier(List.of(authority.trustRoot()));
    assertThatThrownBy(
            () -> simulationOnly.verify(fixture, intel, Instant.parse("2025-07-01T00:00:00Z")))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CHAIN_ROOT));
    // Simulated collateral cannot vouch for a hardware quote either: its chains end elsewhere.
    assertThatThrownBy(
            () ->
                QuoteVerifier.intel()
                    .verify(fixture, collateral, Instant.parse("2025-07-01T00:00:00Z")))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.rule()).isIn(Rule.CRL_SIGNATURE, Rule.CHAIN_ROOT));
  }

  @Test
  void expiredSimulatedCollateralIsRefused() throws Exception {
    QuoteVerifier verifier = new QuoteVerifier(List.of(authority.trustRoot()));
    SgxQuote quote = SgxQuote.parse(attester.quote(reportData()));
    assertThatThrownBy(() -> verifier.verify(quote, collateral, NOW.plus(Duration.ofDays(40))))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CRL_VALIDITY));
  }

  @Test
  void revokedPckIsRefused() throws Exception {
    Collateral revoking =
        authority.collateral(
            NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(30),
            Set.of(authority.pckCertificate().getSerialNumber()));
    QuoteVerifier verifier = new QuoteVerifier(List.of(authority.trustRoot()));
    assertThatThrownBy(
            () -> verifier.verify(SgxQuote.parse(attester.quote(reportData())), revoking, NOW))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.PCK_REVOKED));
  }

  @Test
  void authorityIsPersistedAndReloaded() throws Exception {
    SimulationAuthority again = SimulationAuthority.loadOrCreate(dir.resolve("sim"));
    assertThat(again.pckChain()).isEqualTo(authority.pckChain());
    assertThat(again.mrSigner()).isEqualTo(authority.mrSigner());
    // A quote from the reloaded authority verifies with collateral issued by the first instance.
    byte[] quote = new SimulatedAttester(again, jars).quote(reportData());
    QuoteReport r =
        new QuoteVerifier(List.of(authority.trustRoot()))
            .verify(SgxQuote.parse(quote), collateral, NOW);
    assertThat(r.simulated()).isTrue();
  }

  @Test
  void reportDataMustBe64Bytes() {
    assertThatThrownBy(() -> attester.quote(new byte[63]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
