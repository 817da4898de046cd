package io.cloister.attestation.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.Fixtures;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.quote.TdxQuote;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TdxVerificationTest {
  private static final Instant AT = Instant.parse("2025-07-01T00:00:00Z");
  private static final byte[] QUOTE = Fixtures.bytes("tdx_quote");

  private static Collateral collateral(String name) throws Exception {
    return CollateralBundle.parse(Fixtures.bytes(name));
  }

  @Test
  void tdxFixtureVerifiesUpToDate() throws Exception {
    TdxQuoteReport r =
        QuoteVerifier.intel()
            .verify(TdxQuote.parse(QUOTE), collateral("tdx_quote_collateral.json"), AT);
    assertThat(r.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(r.advisoryIds()).isEmpty();
    assertThat(r.fmspc()).isEqualTo("B0C06F000000");
    assertThat(r.simulated()).isFalse();
    assertThat(r.tdReport().reportData()).isEqualTo(Arrays.copyOfRange(QUOTE, 48 + 520, 48 + 584));
  }

  @Test
  void tamperedTdReportAndSgxTcbInfoAreRefused() throws Exception {
    byte[] q = QUOTE.clone();
    q[48 + 136] ^= 1; // first byte of MRTD
    assertThatThrownBy(
            () ->
                QuoteVerifier.intel()
                    .verify(TdxQuote.parse(q), collateral("tdx_quote_collateral.json"), AT))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.QUOTE_SIGNATURE));
    // Genuine Intel collateral, but SGX TCB info (another FMSPC) in place of the TDX one.
    Collateral tdx = collateral("tdx_quote_collateral.json");
    Collateral mixed =
        new Collateral(
            tdx.pckCrlIssuerChain(),
            tdx.pckCrl(),
            tdx.rootCaCrl(),
            collateral("sgx_quote_collateral.json").tcbInfo(),
            tdx.qeIdentity());
    assertThatThrownBy(() -> QuoteVerifier.intel().verify(TdxQuote.parse(QUOTE), mixed, AT))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.rule()).isEqualTo(Rule.TCB_INFO_MISMATCH));
  }
}
