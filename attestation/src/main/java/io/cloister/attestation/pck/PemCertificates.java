package io.cloister.attestation.pck;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict PEM certificate chains as Intel publishes them: each certificate as 64-column base64
 * between BEGIN/END lines, each followed by a newline. Only the canonical encoding is accepted, so
 * that every byte of the text is either significant or refused.
 */
public final class PemCertificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----\n";
  private static final String END = "\n-----END CERTIFICATE-----\n";
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+?)\n-----END CERTIFICATE-----");
  private static final int MAX_CERTIFICATES = 8;

  private PemCertificates() {}

  /** Parses a chain; the trailing newline after the last END line may be absent. */
  public static List<X509Certificate> parse(String pem) throws PckCertificateException {
    List<X509Certificate> certs = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    CertificateFactory cf = certificateFactory();
    while (m.find()) {
      if (certs.size() == MAX_CERTIFICATES) {
        throw new PckCertificateException(
            "more than " + MAX_CERTIFICATES + " certificates in chain");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(m.group(1).replace("\n", ""));
      } catch (IllegalArgumentException e) {
        throw new PckCertificateException(
            "certificate " + certs.size() + " at character " + m.start() + ": bad base64", e);
      }
      try {
        certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | RuntimeException e) {
        throw new PckCertificateException(
            "certificate "
                + certs.size()
                + " at character "
                + m.start()
                + ": bad DER: "
                + e.getMessage(),
            e);
      }
    }
    if (certs.isEmpty()) {
      throw new PckCertificateException("no PEM certificate found");
    }
    String canonical = encode(certs);
    if (!pem.equals(canonical) && !(pem + "\n").equals(canonical)) {
      throw new PckCertificateException(
          "certificate chain text differs from its canonical PEM encoding at character "
              + firstDifference(pem, canonical));
    }
    return List.copyOf(certs);
  }

  /** Encodes certificates as canonical PEM, each block ending in a newline. */
  public static String encode(List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate c : certs) {
      try {
        sb.append(BEGIN).append(mime.encodeToString(c.getEncoded())).append(END);
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("a parsed certificate cannot be re-encoded", e);
      }
    }
    return sb.toString();
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }

  /** The JDK's X.509 certificate factory. */
  public static CertificateFactory certificateFactory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }
}
