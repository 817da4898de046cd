package io.cloister.attestation.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.Fixtures;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.quote.SgxQuote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FixtureVerificationTest {
  static final Instant AT = Instant.parse("2025-07-01T00:00:00Z");
  private static final HexFormat HEX = HexFormat.of();

  static Collateral collateral() throws Exception {
    return CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json"));
  }

  @Test
  void fixtureQuoteVerifiesWithItsCollateral() throws Exception {
    QuoteReport r =
        QuoteVerifier.intel().verify(SgxQuote.parse(Fixtures.bytes("sgx_quote")), collateral(), AT);
    assertThat(r.tcbStatus()).isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);
    assertThat(r.advisoryIds()).containsExactly("INTEL-SA-00289", "INTEL-SA-00615");
    assertThat(HEX.formatHex(r.mrEnclave()))
        .isEqualTo("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(HEX.formatHex(r.mrSigner()))
        .isEqualTo("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    assertThat(r.isvProdId()).isZero();
    assertThat(r.isvSvn()).isZero();
    assertThat(r.reportData())
        .isEqualTo(Arrays.copyOf("Hello, world!".getBytes(StandardCharsets.US_ASCII), 64));
    assertThat(r.simulated()).isFalse();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.fmspc()).isEqualTo("00A067110000");
    assertThat(r.collateralNextUpdate()).isBeforeOrEqualTo(Instant.parse("2025-07-19T10:56:11Z"));
    assertThat(r.collateralIssuedAt()).isEqualTo(Instant.parse("2025-06-19T10:01:18Z"));
  }

  @Test
  void collateralAgeIsMeasuredFromTheTcbEvaluationDocuments() throws Exception {
    AppraisalPolicy.Builder b =
        AppraisalPolicy.builder()
            .acceptedStatuses(EnumSet.of(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED));
    byte[] quote = Fixtures.bytes("sgx_quote");
    Appraisal young =
        QuoteVerifier.intel()
            .appraise(quote, collateral(), b.maxCollateralAge(Duration.ofDays(12)).build(), AT);
    assertThat(young.accepted()).isTrue();
    Appraisal old =
        QuoteVerifier.intel()
            .appraise(quote, collateral(), b.maxCollateralAge(Duration.ofDays(7)).build(), AT);
    assertThat(old.violations())
        .extracting(Violation::rule)
        .containsExactly(Rule.POLICY_COLLATERAL_AGE);
  }

  @Test
  void defaultPolicyRefusesTheFixtureStatusAndNamesTheRule() throws Exception {
    Appraisal a =
        QuoteVerifier.intel()
            .appraise(Fixtures.bytes("sgx_quote"), collateral(), AppraisalPolicy.defaults(), AT);
    assertThat(a.accepted()).isFalse();
    assertThat(a.violations()).extracting(Violation::rule).containsExactly(Rule.POLICY_TCB_STATUS);
    AppraisalPolicy lenient =
        AppraisalPolicy.builder()
            .acceptedStatuses(EnumSet.of(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED))
            .mrEnclave(
                HEX.parseHex("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb"))
            .isvProdId(0)
            .build();
    assertThat(
            QuoteVerifier.intel()
                .appraise(Fixtures.bytes("sgx_quote"), collateral(), lenient, AT)
                .accepted())
        .isTrue();
  }

  @Test
  void expiredCollateralIsRefused() throws Exception {
    SgxQuote q = SgxQuote.parse(Fixtures.bytes("sgx_quote"));
    assertThatThrownBy(
            () ->
                QuoteVerifier.intel()
                    .verify(q, collateral(), Instant.parse("2025-07-20T00:00:00Z")))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e ->
                assertThat(e.rule())
                    .isIn(Rule.TCB_INFO_VALIDITY, Rule.QE_IDENTITY_VALIDITY, Rule.CRL_VALIDITY));
  }
}
