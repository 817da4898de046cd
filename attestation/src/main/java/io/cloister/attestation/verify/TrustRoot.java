package io.cloister.attestation.verify;

import io.cloister.attestation.pck.PemCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A root certificate quotes may chain to, and whether it is a simulation root: a quote under a
 * simulation root proves nothing about hardware.
 *
 * @param certificate the self-signed root certificate
 * @param simulated whether this is a locally generated simulation root
 */
public record TrustRoot(X509Certificate certificate, boolean simulated) {
  private static final String INTEL_ROOT_RESOURCE = "intel-sgx-root-ca.der";

  /** The Intel SGX Root CA, embedded in this module. */
  public static TrustRoot intel() {
    try (InputStream in = TrustRoot.class.getResourceAsStream(INTEL_ROOT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + INTEL_ROOT_RESOURCE + " is missing");
      }
      return new TrustRoot(
          (X509Certificate) PemCertificates.certificateFactory().generateCertificate(in), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException("embedded Intel root CA is unreadable", e);
    }
  }

  /** A simulation root (see {@code SimulatedAttester}). */
  public static TrustRoot simulation(X509Certificate certificate) {
    return new TrustRoot(certificate, true);
  }
}
