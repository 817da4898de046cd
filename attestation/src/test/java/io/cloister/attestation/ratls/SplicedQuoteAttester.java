package io.cloister.attestation.ratls;

import io.cloister.attestation.Fixtures;
import io.cloister.attestation.attester.Attester;
import java.util.function.UnaryOperator;

/**
 * Test attester: the real SGX fixture quote with the requested report data spliced in. The quote
 * parses like any v3 quote (MRENCLAVE 33d873…) but its signature no longer verifies, so it serves
 * tests of RA-TLS structure and binding, with an appraiser that looks at structure only. The
 * end-to-end tests use the simulated attester and the DCAP verifier instead.
 */
final class SplicedQuoteAttester implements Attester {

  /** Offset of report_data in a v3 quote: 48-byte header + 320 into the report body. */
  static final int REPORT_DATA_OFFSET = 48 + 320;

  private final UnaryOperator<byte[]> tamper;

  SplicedQuoteAttester() {
    this(UnaryOperator.identity());
  }

  /** An attester that quotes {@code tamper(reportData)} instead of what it is asked for. */
  SplicedQuoteAttester(UnaryOperator<byte[]> tamper) {
    this.tamper = tamper;
  }

  @Override
  public byte[] quote(byte[] reportData) {
    byte[] data = tamper.apply(Attester.checkReportData(reportData));
    byte[] quote = Fixtures.bytes("sgx_quote");
    System.arraycopy(data, 0, quote, REPORT_DATA_OFFSET, 64);
    return quote;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  /**
   * An appraiser for spliced quotes: accepts anything that parses, says it looked at nothing else.
   */
  static QuoteAppraiser structuralAppraiser() {
    return quote -> new QuoteAppraisal(true, true, "structure only (test appraiser)");
  }
}
