package io.cloister.attestation.quote;

import java.util.Objects;

/**
 * An Intel TDX DCAP quote, version 4: header, TD report body, and signature data whose
 * certification data is type 6 (QE report certification data nesting the PCK chain). Immutable.
 */
public final class TdxQuote implements Quote {
  private final QuoteHeader header;
  private final TdReport reportBody;
  private final byte[] signature;
  private final byte[] attestationKey;
  private final QeReportCertification qeCertification;
  private final int padding;

  private TdxQuote(
      QuoteHeader header,
      TdReport reportBody,
      byte[] signature,
      byte[] attestationKey,
      QeReportCertification qeCertification,
      int padding) {
    this.header = Objects.requireNonNull(header);
    this.reportBody = Objects.requireNonNull(reportBody);
    this.signature = signature;
    this.attestationKey = attestationKey;
    this.qeCertification = Objects.requireNonNull(qeCertification);
    this.padding = padding;
  }

  /** Parses a version 4 TDX quote; trailing zero padding is kept so that it round-trips. */
  public static TdxQuote parse(byte[] quote) throws QuoteFormatException {
    QuoteReader r = new QuoteReader(Quote.checkSize(quote));
    QuoteHeader header = QuoteHeader.read(r);
    if (header.version() != 4) {
      throw new QuoteFormatException(
          "header.version", 0, "expected version 4 (TDX), found " + header.version());
    }
    if (header.attestationKeyType() != QuoteHeader.ECDSA_P256) {
      throw new QuoteFormatException(
          "header.att_key_type",
          2,
          "unsupported attestation key type "
              + header.attestationKeyType()
              + " (only 2, ECDSA P-256)");
    }
    if (header.teeType() != QuoteHeader.TEE_TDX) {
      throw new QuoteFormatException(
          "header.tee_type",
          4,
          "expected TDX (0x81), found 0x" + Long.toHexString(header.teeType()));
    }
    TdReport body = TdReport.read(r);
    int lenOffset = r.offset();
    long sigLen = r.u32("signature_data.size");
    QuoteReader sig = r.slice("signature_data", sigLen, lenOffset);
    byte[] signature = sig.bytes("signature_data.quote_signature", 64);
    byte[] key = sig.bytes("signature_data.attestation_key", 64);
    int typeOffset = sig.offset();
    int type = sig.u16("certification_data.type");
    if (type != CertificationData.QE_REPORT_CERTIFICATION) {
      throw new QuoteFormatException(
          "certification_data.type",
          typeOffset,
          "expected type 6 (QE report certification), found " + type);
    }
    int sizeOffset = sig.offset();
    long size = sig.u32("certification_data.size");
    QuoteReader nested = sig.slice("certification_data.data", size, sizeOffset);
    QeReportCertification qe = QeReportCertification.read(nested);
    nested.expectEnd("certification_data.data");
    sig.expectEnd("signature_data");
    int padding = r.zeroPadding("quote");
    return new TdxQuote(header, body, signature, key, qe, padding);
  }

  @Override
  public QuoteHeader header() {
    return header;
  }

  /** The TD report body. */
  public TdReport reportBody() {
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
    return new LittleEndian().bytes(header.encode()).bytes(reportBody.encode()).toByteArray();
  }

  @Override
  public byte[] encode() {
    LittleEndian nested = new LittleEndian();
    qeCertification.write(nested);
    byte[] qe = nested.toByteArray();
    byte[] sigData =
        new LittleEndian()
            .bytes(signature)
            .bytes(attestationKey)
            .u16(CertificationData.QE_REPORT_CERTIFICATION)
            .u32(qe.length)
            .bytes(qe)
            .toByteArray();
    return new LittleEndian()
        .bytes(signedBytes())
        .u32(sigData.length)
        .bytes(sigData)
        .zeros(padding)
        .toByteArray();
  }

  @Override
  public String toString() {
    return "TdxQuote[" + header + "]";
  }
}
