package io.cloister.attestation.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class QuoteParserTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void parsesTheSgxFixture() throws Exception {
    byte[] bytes = Fixtures.bytes("sgx_quote");
    SgxQuote q = SgxQuote.parse(bytes);
    assertThat(q.header().version()).isEqualTo(3);
    assertThat(q.header().attestationKeyType()).isEqualTo(QuoteHeader.ECDSA_P256);
    assertThat(q.header().qeVendorId()).isEqualTo(QuoteHeader.INTEL_QE_VENDOR_ID);
    EnclaveReport body = q.reportBody();
    assertThat(HEX.formatHex(body.mrEnclave()))
        .isEqualTo("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(HEX.formatHex(body.mrSigner()))
        .isEqualTo("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    assertThat(body.isvProdId()).isZero();
    assertThat(body.isvSvn()).isZero();
    assertThat(body.debug()).isFalse();
    byte[] expectedData = Arrays.copyOf("Hello, world!".getBytes(StandardCharsets.US_ASCII), 64);
    assertThat(body.reportData()).isEqualTo(expectedData);
    QeReportCertification qe = q.qeCertification();
    assertThat(qe.qeReport().isvProdId()).isEqualTo(1);
    assertThat(qe.qeAuthData()).hasSize(32);
    assertThat(qe.pckCertification().type()).isEqualTo(CertificationData.PCK_CERT_CHAIN);
    assertThat(qe.pckCertification().pemText()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Quote.parse(bytes)).isInstanceOf(SgxQuote.class);
  }

  @Test
  void sgxSerializationRoundTripsByteForByte() throws Exception {
    byte[] bytes = Fixtures.bytes("sgx_quote");
    assertThat(SgxQuote.parse(bytes).encode()).isEqualTo(bytes);
  }

  @Test
  void parsesTheTdxFixture() throws Exception {
    byte[] bytes = Fixtures.bytes("tdx_quote");
    TdxQuote q = (TdxQuote) Quote.parse(bytes);
    assertThat(q.header().version()).isEqualTo(4);
    assertThat(q.header().teeType()).isEqualTo(QuoteHeader.TEE_TDX);
    TdReport td = q.reportBody();
    assertThat(td.mrTd()).hasSize(48);
    assertThat(td.mrTd()).isEqualTo(Arrays.copyOfRange(bytes, 48 + 136, 48 + 184));
    assertThat(td.reportData()).isEqualTo(Arrays.copyOfRange(bytes, 48 + 520, 48 + 584));
    assertThat(td.teeTcbSvn()).isEqualTo(Arrays.copyOfRange(bytes, 48, 64));
    assertThat(td.debug()).isFalse();
    assertThat(q.qeCertification().qeReport().isvProdId()).isEqualTo(2);
    assertThat(q.qeCertification().pckCertification().type())
        .isEqualTo(CertificationData.PCK_CERT_CHAIN);
    assertThat(q.encode()).isEqualTo(bytes);
  }
}
