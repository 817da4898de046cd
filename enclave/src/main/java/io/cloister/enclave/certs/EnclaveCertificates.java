package io.cloister.enclave.certs;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.ratls.CertificateSet;
import io.cloister.attestation.ratls.EnclaveConfig;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsIssuer;
import io.cloister.attestation.ratls.SniKeyManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * The enclave's certificates, issued from one place: each {@link #reissue} takes the whole
 * configuration, gets one quote over the new key and Merkle root, and swaps the new set into the
 * key manager every listener uses, so new handshakes get it while those in flight finish on the
 * old one. Also renews the set before it expires.
 */
public final class EnclaveCertificates {
  /** How long before expiry a set is renewed. */
  public static final Duration RENEW_BEFORE = Duration.ofHours(1);

  private final RaTlsIssuer issuer;
  private final Clock clock;
  private final SniKeyManager keyManager;
  private final SSLContext serverContext;
  private EnclaveConfig config;

  private EnclaveCertificates(RaTlsIssuer issuer, Clock clock, EnclaveConfig config, CertificateSet first) {
    this.issuer = issuer;
    this.clock = clock;
    this.config = config;
    this.keyManager = new SniKeyManager(first);
    this.serverContext = RaTlsContexts.server(keyManager);
  }

  /** Issues the first set for {@code config}. */
  public static EnclaveCertificates issue(RaTlsIssuer issuer, Clock clock, EnclaveConfig config)
      throws AttestationException {
    return new EnclaveCertificates(issuer, clock, config, issuer.issue(config));
  }

  /** The TLS context every listener serves with (its key manager follows every swap). */
  public SSLContext serverContext() {
    return serverContext;
  }

  /** The set new handshakes get. */
  public CertificateSet current() {
    return keyManager.current();
  }

  /** The configuration the current set was issued for. */
  public synchronized EnclaveConfig config() {
    return config;
  }

  /** Issues a set for {@code next} without making it current (see {@link #install}). */
  public CertificateSet issueFor(EnclaveConfig next) throws AttestationException {
    return issuer.issue(next);
  }

  /** Makes {@code set}, issued for {@code next}, the one every new handshake gets. */
  public synchronized void install(EnclaveConfig next, CertificateSet set) {
    keyManager.swap(set);
    config = next;
  }

  /** Issues a set for {@code next} and makes it current; returns it. */
  public synchronized CertificateSet reissue(EnclaveConfig next) throws AttestationException {
    CertificateSet set = issueFor(next);
    install(next, set);
    return set;
  }

  /** Renews the current set if it expires within {@link #RENEW_BEFORE}; returns whether it did. */
  public synchronized boolean renewIfDue() throws AttestationException {
    if (current().notAfter().isAfter(clock.instant().plus(RENEW_BEFORE))) {
      return false;
    }
    reissue(config);
    return true;
  }

  /** When the current set expires. */
  public Instant notAfter() {
    return current().notAfter();
  }

  /** SHA-256 of the enclave certificate's DER, hex. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a certificate this enclave issued cannot be encoded", e);
    }
  }

  /** Fingerprints of the set's app certificates, by host name. */
  public static Map<String, String> appFingerprints(CertificateSet set) {
    Map<String, String> out = new TreeMap<>();
    set.appCertificates().forEach((host, cert) -> out.put(host, fingerprint(cert)));
    return out;
  }
}
