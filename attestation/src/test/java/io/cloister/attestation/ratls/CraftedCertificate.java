package io.cloister.attestation.ratls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds self-signed certificates with arbitrary (also malformed) extension values for tests. */
final class CraftedCertificate {

  private record Ext(boolean critical, byte[] value) {}

  private final Map<ASN1ObjectIdentifier, Ext> extensions = new LinkedHashMap<>();
  private final KeyPair key;

  CraftedCertificate() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    key = g.generateKeyPair();
  }

  KeyPair key() {
    return key;
  }

  /** Copies every extension of an issued certificate (extnValue octets as they are). */
  CraftedCertificate copyFrom(X509Certificate cert) throws Exception {
    var holder = new org.bouncycastle.cert.X509CertificateHolder(cert.getEncoded());
    for (Object oid : holder.getExtensions().getExtensionOIDs()) {
      var ext = holder.getExtension((ASN1ObjectIdentifier) oid);
      extensions.put(
          (ASN1ObjectIdentifier) oid, new Ext(ext.isCritical(), ext.getExtnValue().getOctets()));
    }
    return this;
  }

  CraftedCertificate set(ASN1ObjectIdentifier oid, byte[] value) {
    extensions.put(oid, new Ext(false, value));
    return this;
  }

  CraftedCertificate critical(ASN1ObjectIdentifier oid, byte[] value) {
    extensions.put(oid, new Ext(true, value));
    return this;
  }

  CraftedCertificate remove(ASN1ObjectIdentifier oid) {
    extensions.remove(oid);
    return this;
  }

  X509Certificate build() throws Exception {
    X500Name name = new X500Name("CN=crafted.test");
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.HOURS)),
            name,
            SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
    for (var e : extensions.entrySet()) {
      b.addExtension(e.getKey(), e.getValue().critical(), e.getValue().value());
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }
}
