package io.cloister.attestation.quote;

import java.util.Arrays;

/**
 * What certifies a quote's attestation key: the quoting enclave's report (binding the key through
 * its report data), the PCK's signature over that report, QE authentication data and the PCK
 * certification data. Inline in a version 3 quote, nested as type 6 data in version 4.
 *
 * @param qeReport the quoting enclave's report body
 * @param qeReportSignature ECDSA P-256 signature (r‖s, 64 bytes) by the PCK key over qeReport
 * @param qeAuthData authentication data, hashed with the attestation key into qeReport
 * @param pckCertification certification data, type 5 (the PCK chain) in practice
 */
public record QeReportCertification(
    EnclaveReport qeReport,
    byte[] qeReportSignature,
    byte[] qeAuthData,
    CertificationData pckCertification) {

  /** Validates sizes and copies the arrays. */
  public QeReportCertification {
    if (qeReportSignature.length != 64) {
      throw new IllegalArgumentException("QE report signature must be 64 bytes");
    }
    if (qeAuthData.length > 0xffff) {
      throw new IllegalArgumentException("QE auth data longer than 65535 bytes");
    }
    qeReportSignature = qeReportSignature.clone();
    qeAuthData = qeAuthData.clone();
  }

  @Override
  public byte[] qeReportSignature() {
    return qeReportSignature.clone();
  }

  @Override
  public byte[] qeAuthData() {
    return qeAuthData.clone();
  }

  static QeReportCertification read(QuoteReader r) throws QuoteFormatException {
    EnclaveReport qeReport = EnclaveReport.read(r, "qe_report");
    byte[] sig = r.bytes("qe_report_signature", 64);
    int sizeOffset = r.offset();
    int authSize = r.u16("qe_auth_data.size");
    QuoteReader auth = r.slice("qe_auth_data", authSize, sizeOffset);
    byte[] authData = auth.bytes("qe_auth_data", authSize);
    CertificationData cert = CertificationData.read(r, "certification_data");
    return new QeReportCertification(qeReport, sig, authData, cert);
  }

  void write(LittleEndian w) {
    w.bytes(qeReport.encode()).bytes(qeReportSignature).u16(qeAuthData.length).bytes(qeAuthData);
    pckCertification.write(w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QeReportCertification q
        && qeReport.equals(q.qeReport)
        && Arrays.equals(qeReportSignature, q.qeReportSignature)
        && Arrays.equals(qeAuthData, q.qeAuthData)
        && pckCertification.equals(q.pckCertification);
  }

  @Override
  public int hashCode() {
    return qeReport.hashCode() * 31 + pckCertification.hashCode();
  }

  @Override
  public String toString() {
    return "QeReportCertification[" + qeReport + ", " + pckCertification + "]";
  }
}
