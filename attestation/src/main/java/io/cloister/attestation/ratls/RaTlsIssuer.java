package io.cloister.attestation.ratls;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.Attester;
import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.ConfigTree;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues an enclave's {@link CertificateSet}: one fresh ECDSA P-256 key, one quote over
 * SHA-256(SPKI) ‖ Merkle root, and self-signed certificates carrying it (see ADR 0002).
 */
public final class RaTlsIssuer {

  /** Default certificate lifetime. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

  /** Backdating of notBefore, so that a client whose clock lags a little still accepts. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Attester attester;
  private final Clock clock;
  private final Duration validity;
  private final SecureRandom random = new SecureRandom();

  /** An issuer with the system clock and the 24-hour default validity. */
  public RaTlsIssuer(Attester attester) {
    this(attester, Clock.systemUTC(), DEFAULT_VALIDITY);
  }

  /** An issuer with an explicit clock and validity. */
  public RaTlsIssuer(Attester attester, Clock clock, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
    this.attester = attester;
    this.clock = clock;
    this.validity = validity;
  }

  /** Issues a new set for {@code config}: a new key, a new quote, new certificates. */
  public CertificateSet issue(EnclaveConfig config) throws AttestationException {
    KeyPair key = newKey();
    ConfigTree tree = config.tree();
    byte[] root = tree.root();
    byte[] spki = key.getPublic().getEncoded();
    byte[] quote = attester.quote(ReportData.forCertificate(spki, root));

    List<AppDescriptor> apps = config.apps().apps();
    Optional<AppDescriptor> onlyApp =
        apps.size() == 1 ? Optional.of(apps.get(0)) : Optional.empty();
    X509Certificate enclaveCert =
        certificate(
            key,
            config.enclaveHostname(),
            new RaTlsExtensions(
                quote,
                root,
                onlyApp.map(AppIdentity::of),
                Optional.of(config.apps()),
                onlyApp.map(app -> codeHashProof(tree, app))));
    Map<String, X509Certificate> appCerts = new HashMap<>();
    for (AppDescriptor app : apps) {
      appCerts.put(
          app.hostname(),
          certificate(
              key,
              app.hostname(),
              new RaTlsExtensions(
                  quote,
                  root,
                  Optional.of(AppIdentity.of(app)),
                  Optional.empty(),
                  Optional.of(codeHashProof(tree, app)))));
    }
    return new CertificateSet(
        key.getPrivate(), config.enclaveHostname(), enclaveCert, appCerts, root);
  }

  private static ConfigLeafProof codeHashProof(ConfigTree tree, AppDescriptor app) {
    String key = ConfigKeys.appCodeHash(app.name());
    return new ConfigLeafProof(key, app.codeHash(), tree.proof(key));
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // P-256 is mandatory in every Java SE platform.
      throw new IllegalStateException("ECDSA P-256 is not available", e);
    }
  }

  private X509Certificate certificate(KeyPair key, String hostname, RaTlsExtensions extensions) {
    Instant now = clock.instant();
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Cloister RA-TLS")
            .addRDN(BCStyle.CN, hostname)
            .build();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            name,
            new BigInteger(127, random).setBit(126),
            Date.from(now.minus(CLOCK_SKEW)),
            Date.from(now.plus(validity)),
            name,
            SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, hostname)));
    } catch (CertIOException e) {
      throw new IllegalStateException("standard extensions cannot be encoded", e);
    }
    extensions.addTo(builder);
    try {
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("signing the certificate for " + hostname + " failed", e);
    }
  }
}
