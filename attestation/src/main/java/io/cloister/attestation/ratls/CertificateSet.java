package io.cloister.attestation.ratls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One generation of an enclave's RA-TLS certificates: the enclave certificate and one certificate
 * per app, all for the same fresh key and the same quote, swapped in and out as a whole.
 */
public final class CertificateSet {

  private final PrivateKey privateKey;
  private final String enclaveHostname;
  private final X509Certificate enclaveCertificate;
  private final Map<String, X509Certificate> appCertificates;
  private final byte[] merkleRoot;

  /**
   * A set whose certificates all certify the key {@code privateKey} belongs to.
   *
   * @param appCertificates app certificates by app hostname
   */
  public CertificateSet(
      PrivateKey privateKey,
      String enclaveHostname,
      X509Certificate enclaveCertificate,
      Map<String, X509Certificate> appCertificates,
      byte[] merkleRoot) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.enclaveHostname = normalize(enclaveHostname);
    this.enclaveCertificate = Objects.requireNonNull(enclaveCertificate, "enclaveCertificate");
    this.appCertificates =
        appCertificates.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> normalize(e.getKey()), Map.Entry::getValue));
    this.merkleRoot = merkleRoot.clone();
  }

  /** The key every certificate of the set certifies. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The enclave's own host name. */
  public String enclaveHostname() {
    return enclaveHostname;
  }

  /** The enclave certificate: Merkle root, app manifest, quote. */
  public X509Certificate enclaveCertificate() {
    return enclaveCertificate;
  }

  /** App certificates by (lower-case) hostname. */
  public Map<String, X509Certificate> appCertificates() {
    return appCertificates;
  }

  /** The Config Merkle root every certificate of the set carries. */
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  /** The certificate of the app whose hostname is {@code host}, if there is one. */
  public Optional<X509Certificate> appCertificate(String host) {
    return Optional.ofNullable(appCertificates.get(normalize(host)));
  }

  /**
   * The certificate a handshake with this SNI host name gets: an app's certificate for its
   * hostname, the enclave certificate for no SNI, the enclave's host name or any other name.
   */
  public X509Certificate select(Optional<String> sniHostname) {
    return sniHostname.flatMap(this::appCertificate).orElse(enclaveCertificate);
  }

  /** The earliest expiry of any certificate in the set. */
  public Instant notAfter() {
    Instant earliest = enclaveCertificate.getNotAfter().toInstant();
    for (X509Certificate c : appCertificates.values()) {
      Instant t = c.getNotAfter().toInstant();
      if (t.isBefore(earliest)) {
        earliest = t;
      }
    }
    return earliest;
  }

  private static String normalize(String host) {
    return host.toLowerCase(Locale.ROOT);
  }
}
