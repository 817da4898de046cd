package io.cloister.attestation.collateral;

import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** Parsers for the pieces collateral is made of, shared by the bundle reader and the PCS client. */
final class CollateralParts {
  private CollateralParts() {}

  static X509CRL crl(byte[] der, String field) throws CollateralFormatException {
    X509CRL crl;
    try {
      crl =
          (X509CRL) PemCertificates.certificateFactory().generateCRL(new ByteArrayInputStream(der));
    } catch (CRLException | RuntimeException e) {
      throw new CollateralFormatException(field, "not a DER X.509 CRL: " + e.getMessage(), e);
    }
    if (crl == null || crl.getNextUpdate() == null) {
      throw new CollateralFormatException(field, "CRL without nextUpdate");
    }
    return crl;
  }

  static List<X509Certificate> chain(String pem, String field) throws CollateralFormatException {
    try {
      return PemCertificates.parse(pem);
    } catch (PckCertificateException e) {
      throw new CollateralFormatException(field, e.getMessage(), e);
    }
  }

  static byte[] hex(String text, String field) throws CollateralFormatException {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new CollateralFormatException(field, "not hex: " + e.getMessage(), e);
    }
  }

  static byte[] signature(String hex, String field) throws CollateralFormatException {
    byte[] sig = hex(hex, field);
    if (sig.length != 64) {
      throw new CollateralFormatException(
          field, "an ECDSA P-256 signature has 64 bytes, not " + sig.length);
    }
    return sig;
  }
}
