package io.cloister.attestation.quote;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Typed certification data from a quote's signature section.
 *
 * @param type 5 = PCK certificate chain (PEM), 6 = QE report certification data (nested)
 * @param data the payload
 */
public record CertificationData(int type, byte[] data) {
  /** Type 5: concatenated PEM certificates, PCK leaf first, ending in the root. */
  public static final int PCK_CERT_CHAIN = 5;

  /** Type 6: a {@link QeReportCertification} nesting a type-5 chain (quote version 4). */
  public static final int QE_REPORT_CERTIFICATION = 6;

  /** Copies the payload. */
  public CertificationData {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The PEM text of a type-5 payload, without a trailing NUL terminator. */
  public String pemText() {
    int end = data.length;
    if (end > 0 && data[end - 1] == 0) {
      end--;
    }
    return new String(data, 0, end, StandardCharsets.US_ASCII);
  }

  static CertificationData read(QuoteReader r, String field) throws QuoteFormatException {
    int type = r.u16(field + ".type");
    int sizeOffset = r.offset();
    long size = r.u32(field + ".size");
    QuoteReader body = r.slice(field + ".data", size, sizeOffset);
    return new CertificationData(type, body.bytes(field + ".data", body.remaining()));
  }

  void write(LittleEndian w) {
    w.u16(type).u32(data.length).bytes(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificationData c && type == c.type && Arrays.equals(data, c.data);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CertificationData[type=" + type + ", " + data.length + " bytes]";
  }
}
