package io.cloister.attestation.quote;

/** A parsed DCAP quote: SGX (version 3) or TDX (version 4). */
public sealed interface Quote permits SgxQuote, TdxQuote {
  /** Quotes larger than this are refused before parsing; real ones are around 5 KiB. */
  int MAX_SIZE = 64 * 1024;

  /** The quote header. */
  QuoteHeader header();

  /** ECDSA P-256 signature (r‖s, 64 bytes) by the attestation key over header ‖ body. */
  byte[] signature();

  /** The attestation public key, uncompressed P-256 point without prefix (x‖y, 64 bytes). */
  byte[] attestationKey();

  /** The QE report and PCK certification that vouch for the attestation key. */
  QeReportCertification qeCertification();

  /** The bytes the attestation key signed: the header followed by the report body. */
  byte[] signedBytes();

  /** The 64 report data bytes the enclave or TD chose. */
  byte[] reportData();

  /** The quote, serialized exactly as parsed. */
  byte[] encode();

  /** Parses a version 3 SGX quote or a version 4 TDX quote. */
  static Quote parse(byte[] quote) throws QuoteFormatException {
    QuoteReader r = new QuoteReader(checkSize(quote));
    int version = r.u16("header.version");
    if (version == 3) {
      return SgxQuote.parse(quote);
    }
    if (version == 4) {
      return TdxQuote.parse(quote);
    }
    throw new QuoteFormatException("header.version", 0, "unsupported quote version " + version);
  }

  /** Refuses oversized input before any parsing work. */
  static byte[] checkSize(byte[] quote) throws QuoteFormatException {
    if (quote.length > MAX_SIZE) {
      throw new QuoteFormatException(
          "quote", 0, quote.length + " bytes exceed the " + MAX_SIZE + "-byte limit");
    }
    return quote;
  }
}
