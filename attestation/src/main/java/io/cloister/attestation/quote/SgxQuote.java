package io.cloister.attestation.quote;

import java.util.Objects;

/**
 * An Intel SGX DCAP quote, version 3, ECDSA P-256: header, the application enclave's report body,
 * and the signature data (signature, attestation key, QE report certification). Immutable.
 */
public final class SgxQuote implements Quote {
  private final QuoteHeader header;
  private final EnclaveReport reportBody;
  private final byte[] signature;
  private final byte[] attestationKey;
  private final QeReportCertification qeCertification;
  private final int padding;

  /** Assembles a quote from its parts (as a quoting enclave would). */
  public SgxQuote(
      QuoteHeader header,
      EnclaveReport reportBody,
      byte[] signature,
      byte[] attestationKey,
      QeReportCertification qeCertification) {
    this(header, reportBody, signature, attestationKey, qeCertification, 0);
  }

  private SgxQuote(
      QuoteHeader header,
      EnclaveReport reportBody,
      byte[] signature,
      byte[] attestationKey,
      QeReportCertification qeCertification,
      int padding) {
    if (signature.length != 64 || attestationKey.length != 64) {
      throw new IllegalArgumentException("signature and attestation key must be 64 bytes each");
    }
    this.header = Objects.requireNonNull(header);
    this.reportBody = Objects.requireNonNull(reportBody);
    this.signature = signature.clone();
    this.attestationKey = attestationKey.clone();
    this.qeCertification = Objects.requireNonNull(qeCertification);
    this.padding = padding;
  }

  /**
   * Parses a version 3 quote; trailing zero padding is kept so that {@link #encode()} round-trips.
   */
  public static SgxQuote parse(byte[] quote) throws QuoteFormatException {
    QuoteReader r = new QuoteReader(Quote.checkSize(quote));
    QuoteHeader header = QuoteHeader.read(r);
    if (header.version() != 3) {
      throw new QuoteFormatException(
          "header.version", 0, "expected version 3 (SGX), found " + header.version());
    }
    if (header.attestationKeyType() != QuoteHeader.ECDSA_P256) {
      throw new QuoteFormatException(
          "header.att_key_type",
          2,
          "unsupported attestation key type "
              + header.attestationKeyType()
              + " (only 2, ECDSA P-256)");
    }
    EnclaveReport body = EnclaveReport.read(r, "report_body");
    int lenOffset = r.offset();
    long sigLen = r.u32("signature_data.size");
    QuoteReader sig = r.slice("signature_data", sigLen, lenOffset);
    byte[] signature = sig.bytes("signature_data.quote_signature", 64);
    byte[] key = sig.bytes("signature_data.attestation_key", 64);
    QeReportCertification qe = QeReportCertification.read(sig);
    sig.expectEnd("signature_data");
    int padding = r.zeroPadding("quote");
    return new SgxQuote(header, body, signature, key, qe, padding);
  }

  @Override
  public QuoteHeader header() {
    return header;
  }

  /** The application enclave's report body. */
  public EnclaveReport reportBody() {
    return reportBody;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] attestationKey() {
    return attestationKey.clone();
  }

  @Override
  public QeReportCertification qeCertification() {
    return qeCertification;
  }

  @Override
  public byte[] reportData() {
    return reportBody.reportData();
  }

  @Override
  public byte[] signedBytes() {
    return signedBytes(header, reportBody);
  }

  /** The bytes of the header and report body a quoting enclave signs, before a quote exists. */
  public static byte[] signedBytes(QuoteHeader header, EnclaveReport body) {
    return new LittleEndian().bytes(header.encode()).bytes(body.encode()).toByteArray();
  }

  @Override
  public byte[] encode() {
    LittleEndian sig = new LittleEndian().bytes(signature).bytes(attestationKey);
    qeCertification.write(sig);
    byte[] sigData = sig.toByteArray();
    return new LittleEndian()
        .bytes(signedBytes())
        .u32(sigData.length)
        .bytes(sigData)
        .zeros(padding)
        .toByteArray();
  }

  @Override
  public String toString() {
    return "SgxQuote[" + header + ", " + reportBody + "]";
  }
}
