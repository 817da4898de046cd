package io.cloister.attestation.ratls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The RA-TLS extensions of one certificate, decoded. The quote extension's value is the raw quote
 * (as in Gramine's RA-TLS); every other value is the DER of the ASN.1 type documented on its OID.
 *
 * @param quote the DCAP quote, raw bytes
 * @param merkleRoot the Config Merkle root, 32 bytes
 * @param app the app this certificate speaks for (2.1, 2.2 and 2.3 together), if any
 * @param manifest the list of all apps (enclave certificate), if present
 * @param leafProof the inclusion proof of the app's code-hash leaf, if present
 */
public record RaTlsExtensions(
    byte[] quote,
    byte[] merkleRoot,
    Optional<AppIdentity> app,
    Optional<AppManifest> manifest,
    Optional<ConfigLeafProof> leafProof) {

  /** Largest quote accepted; real ones are about 5 KiB. */
  public static final int MAX_QUOTE_SIZE = 64 * 1024;

  /** Copies the arrays and checks the sizes. */
  public RaTlsExtensions {
    if (quote.length == 0 || quote.length > MAX_QUOTE_SIZE) {
      throw new IllegalArgumentException("quote is " + quote.length + " bytes, expected 1..65536");
    }
    if (merkleRoot.length != 32) {
      throw new IllegalArgumentException(
          "Merkle root is " + merkleRoot.length + " bytes, expected 32");
    }
    quote = quote.clone();
    merkleRoot = merkleRoot.clone();
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(leafProof, "leafProof");
  }

  @Override
  public byte[] quote() {
    return quote.clone();
  }

  @Override
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  /** Adds every present extension, non-critical, to {@code builder}. */
  public void addTo(X509v3CertificateBuilder builder) {
    try {
      builder.addExtension(RaTlsOids.SGX_QUOTE, false, quote);
      builder.addExtension(RaTlsOids.MERKLE_ROOT, false, new DEROctetString(merkleRoot));
      if (manifest.isPresent()) {
        builder.addExtension(RaTlsOids.APP_MANIFEST, false, manifest.get().toDer());
      }
      if (app.isPresent()) {
        builder.addExtension(RaTlsOids.APP_NAME, false, new DERUTF8String(app.get().name()));
        builder.addExtension(
            RaTlsOids.ROUTE_PREFIX, false, new DERUTF8String(app.get().routePrefix()));
        builder.addExtension(RaTlsOids.CODE_HASH, false, new DEROctetString(app.get().codeHash()));
      }
      if (leafProof.isPresent()) {
        builder.addExtension(RaTlsOids.MERKLE_PROOF, false, leafProof.get().toDer());
      }
    } catch (CertIOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes the RA-TLS extensions of {@code certificate}; each failure names its OID. */
  public static RaTlsExtensions read(X509Certificate certificate)
      throws MalformedExtensionException {
    X509CertificateHolder holder;
    try {
      holder = new X509CertificateHolder(certificate.getEncoded());
    } catch (CertificateEncodingException | IOException e) {
      throw new MalformedExtensionException(
          RaTlsOids.SGX_QUOTE, "the certificate itself cannot be decoded", e);
    }
    return read(holder);
  }

  /** Decodes the RA-TLS extensions of a BouncyCastle certificate holder. */
  public static RaTlsExtensions read(X509CertificateHolder holder)
      throws MalformedExtensionException {
    byte[] quote = required(holder, RaTlsOids.SGX_QUOTE);
    if (quote.length == 0 || quote.length > MAX_QUOTE_SIZE) {
      throw new MalformedExtensionException(
          RaTlsOids.SGX_QUOTE, "quote is " + quote.length + " bytes, expected 1..65536");
    }
    DerDecoder rootDecoder = new DerDecoder(RaTlsOids.MERKLE_ROOT);
    byte[] root =
        rootDecoder.octets(
            rootDecoder.parse(required(holder, RaTlsOids.MERKLE_ROOT)), "Merkle root", 32);

    Optional<byte[]> name = optional(holder, RaTlsOids.APP_NAME);
    Optional<byte[]> prefix = optional(holder, RaTlsOids.ROUTE_PREFIX);
    Optional<byte[]> hash = optional(holder, RaTlsOids.CODE_HASH);
    Optional<AppIdentity> app = Optional.empty();
    if (name.isPresent() || prefix.isPresent() || hash.isPresent()) {
      String appName =
          utf8(RaTlsOids.APP_NAME, requireTogether(name, RaTlsOids.APP_NAME), "app name");
      String routePrefix =
          utf8(
              RaTlsOids.ROUTE_PREFIX,
              requireTogether(prefix, RaTlsOids.ROUTE_PREFIX),
              "route prefix");
      DerDecoder hashDecoder = new DerDecoder(RaTlsOids.CODE_HASH);
      byte[] codeHash =
          hashDecoder.octets(
              hashDecoder.parse(requireTogether(hash, RaTlsOids.CODE_HASH)), "code hash", 32);
      app = Optional.of(new AppIdentity(appName, routePrefix, codeHash));
    }
    Optional<AppManifest> manifest = Optional.empty();
    Optional<byte[]> manifestDer = optional(holder, RaTlsOids.APP_MANIFEST);
    if (manifestDer.isPresent()) {
      manifest = Optional.of(AppManifest.fromDer(manifestDer.get()));
    }
    Optional<ConfigLeafProof> proof = Optional.empty();
    Optional<byte[]> proofDer = optional(holder, RaTlsOids.MERKLE_PROOF);
    if (proofDer.isPresent()) {
      proof = Optional.of(ConfigLeafProof.fromDer(proofDer.get()));
    }
    return new RaTlsExtensions(quote, root, app, manifest, proof);
  }

  private static String utf8(ASN1ObjectIdentifier oid, byte[] der, String field)
      throws MalformedExtensionException {
    DerDecoder d = new DerDecoder(oid);
    return d.utf8(d.parse(der), field);
  }

  private static byte[] requireTogether(Optional<byte[]> value, ASN1ObjectIdentifier oid)
      throws MalformedExtensionException {
    if (value.isEmpty()) {
      throw new MalformedExtensionException(
          oid,
          "missing, but the certificate carries other app extensions (2.1, 2.2 and 2.3 go"
              + " together)");
    }
    return value.get();
  }

  private static byte[] required(X509CertificateHolder holder, ASN1ObjectIdentifier oid)
      throws MalformedExtensionException {
    return optional(holder, oid)
        .orElseThrow(() -> new MalformedExtensionException(oid, "missing from the certificate"));
  }

  private static Optional<byte[]> optional(X509CertificateHolder holder, ASN1ObjectIdentifier oid)
      throws MalformedExtensionException {
    Extension ext = holder.getExtension(oid);
    if (ext == null) {
      return Optional.empty();
    }
    if (ext.isCritical()) {
      throw new MalformedExtensionException(oid, "marked critical, must be non-critical");
    }
    return Optional.of(ext.getExtnValue().getOctets());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RaTlsExtensions e
        && Arrays.equals(quote, e.quote)
        && Arrays.equals(merkleRoot, e.merkleRoot)
        && app.equals(e.app)
        && manifest.equals(e.manifest)
        && leafProof.equals(e.leafProof);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(quote), Arrays.hashCode(merkleRoot), app, manifest, leafProof);
  }

  @Override
  public String toString() {
    return "RaTlsExtensions[quote "
        + quote.length
        + " bytes, root "
        + HexFormat.of().formatHex(merkleRoot)
        + ", "
        + app
        + ", "
        + manifest
        + ", "
        + leafProof
        + "]";
  }
}
