package io.cloister.attestation.freshness;

import io.cloister.attestation.quote.Quote;
import io.cloister.attestation.quote.QuoteFormatException;
import io.cloister.attestation.quote.SgxQuote;
import io.cloister.attestation.ratls.CheckResult;
import io.cloister.attestation.ratls.MalformedExtensionException;
import io.cloister.attestation.ratls.QuoteAppraisal;
import io.cloister.attestation.ratls.QuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsExtensions;
import io.cloister.attestation.ratls.ReportData;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Client side of the freshness challenge: the answer must echo our nonce, carry the root of the
 * certificate the connection used, bind SHA-256(SPKI ‖ nonce) ‖ root, come from the same enclave
 * (MRENCLAVE, MRSIGNER) as the certificate's quote, and pass the same quote appraisal.
 */
public final class FreshnessVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private final QuoteAppraiser appraiser;

  /** Appraises freshness quotes with {@code appraiser} (the certificate's policy). */
  public FreshnessVerifier(QuoteAppraiser appraiser) {
    this.appraiser = appraiser;
  }

  /** The freshness checks, in order; never throws for bad evidence. */
  public List<CheckResult> verify(
      FreshnessEvidence evidence, byte[] sentNonce, X509Certificate connectionCertificate) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(same("freshness.nonce", evidence.nonce(), sentNonce, "echoed nonce"));

    RaTlsExtensions ext;
    SgxQuote certQuote;
    SgxQuote fresh;
    try {
      ext = RaTlsExtensions.read(connectionCertificate);
      certQuote = sgx(ext.quote());
      fresh = sgx(evidence.quote());
    } catch (MalformedExtensionException | QuoteFormatException e) {
      checks.add(CheckResult.fail("freshness.quote.format", e.getMessage()));
      return checks;
    }
    checks.add(
        same(
            "freshness.merkle-root",
            evidence.merkleRoot(),
            ext.merkleRoot(),
            "evidence root vs certificate root"));
    byte[] expected =
        ReportData.forNonce(
            connectionCertificate.getPublicKey().getEncoded(), sentNonce, ext.merkleRoot());
    checks.add(
        same(
            "freshness.report-data",
            fresh.reportData(),
            expected,
            "report_data vs SHA-256(SPKI ‖ nonce) ‖ root"));
    boolean sameEnclave =
        MessageDigest.isEqual(fresh.reportBody().mrEnclave(), certQuote.reportBody().mrEnclave())
            && MessageDigest.isEqual(
                fresh.reportBody().mrSigner(), certQuote.reportBody().mrSigner());
    checks.add(
        sameEnclave
            ? CheckResult.pass(
                "freshness.enclave", "same MRENCLAVE and MRSIGNER as the certificate's quote")
            : CheckResult.fail(
                "freshness.enclave",
                "MRENCLAVE "
                    + HEX.formatHex(fresh.reportBody().mrEnclave())
                    + " / MRSIGNER "
                    + HEX.formatHex(fresh.reportBody().mrSigner())
                    + " differ from the certificate's quote"));
    QuoteAppraisal appraisal;
    try {
      appraisal = appraiser.appraise(evidence.quote());
    } catch (RuntimeException e) {
      appraisal = new QuoteAppraisal(false, false, "quote appraisal failed: " + e);
    }
    checks.add(
        appraisal.accepted()
            ? CheckResult.pass("freshness.quote.appraisal", appraisal.detail())
            : CheckResult.fail("freshness.quote.appraisal", appraisal.detail()));
    return checks;
  }

  private static SgxQuote sgx(byte[] quote) throws QuoteFormatException {
    Quote q = Quote.parse(quote);
    if (q instanceof SgxQuote s) {
      return s;
    }
    throw new QuoteFormatException("header.version", 0, "expected an SGX quote (version 3)");
  }

  private static CheckResult same(String name, byte[] actual, byte[] expected, String what) {
    return MessageDigest.isEqual(actual, expected)
        ? CheckResult.pass(name, what + ": " + HEX.formatHex(actual))
        : CheckResult.fail(
            name,
            what + " differ: " + HEX.formatHex(actual) + ", expected " + HEX.formatHex(expected));
  }
}
