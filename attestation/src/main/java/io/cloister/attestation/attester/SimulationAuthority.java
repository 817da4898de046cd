package io.cloister.attestation.attester;

import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralFormatException;
import io.cloister.attestation.collateral.QeIdentity;
import io.cloister.attestation.collateral.QeTcbLevel;
import io.cloister.attestation.collateral.SignedDocument;
import io.cloister.attestation.collateral.TcbInfo;
import io.cloister.attestation.collateral.TcbLevel;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.crypto.P256;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.pck.SgxExtensions;
import io.cloister.attestation.verify.TrustRoot;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulation's stand-in for Intel: a simulation root CA, a PCK CA and a PCK certificate with
 * SGX extensions (simulated FMSPC), a TCB signing certificate, and a simulated QE's attestation
 * key. Generated once and persisted as PEM files in a directory, reloaded afterwards. It also
 * issues matching collateral, so the ordinary verifier checks simulated quotes under this root.
 */
public final class SimulationAuthority {
  /** The simulated platform's FMSPC: not a real Intel platform family. */
  public static final String FMSPC = "C10157E50000";

  /** PCE-ID of the simulated platform. */
  public static final String PCE_ID = "0000";

  /** The simulated platform's 16 TCB component SVNs, as in its PCK certificate. */
  static final int[] TCB_COMPONENTS = {3, 3, 2, 2, 4, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0};

  /** The simulated platform's PCE SVN. */
  static final int PCE_SVN = 13;

  /** The simulated QE's ISV product ID and SVN. */
  static final int QE_ISV_PROD_ID = 1;

  static final int QE_ISV_SVN = 8;

  /** Attributes of the simulated QE: INIT, MODE64BIT and PROVISIONKEY, XFRM x87+SSE. */
  static final byte[] QE_ATTRIBUTES = HexFormat.of().parseHex("15000000000000000300000000000000");

  /** MRENCLAVE and MRSIGNER of the simulated QE: fixed labels, hashed. */
  static final byte[] QE_MRENCLAVE = label("cloister simulated quoting enclave");

  static final byte[] QE_MRSIGNER = label("cloister simulated quoting enclave signer");

  private static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2050-01-01T00:00:00Z");
  private static final String ROOT = "sim-root-ca";
  private static final String PCK_CA = "sim-pck-ca";
  private static final String PCK = "sim-pck";
  private static final String TCB_SIGNING = "sim-tcb-signing";
  private static final String ATTESTATION = "sim-qe-attestation";
  private static final String ENCLAVE_SIGNER = "sim-enclave-signer";

  private final Issued root;
  private final Issued pckCa;
  private final Issued pck;
  private final Issued tcbSigning;
  private final KeyPair attestationKey;
  private final KeyPair enclaveSigner;

  private record Issued(X509Certificate cert, PrivateKey key) {}

  private SimulationAuthority(
      Issued root,
      Issued pckCa,
      Issued pck,
      Issued tcbSigning,
      KeyPair attestation,
      KeyPair signer) {
    this.root = root;
    this.pckCa = pckCa;
    this.pck = pck;
    this.tcbSigning = tcbSigning;
    this.attestationKey = attestation;
    this.enclaveSigner = signer;
  }

  /** Loads the authority from {@code dir}, generating and persisting it first if absent. */
  public static synchronized SimulationAuthority loadOrCreate(Path dir)
      throws AttestationException {
    try {
      Files.createDirectories(dir);
      // The file lock keeps two processes from generating interleaved halves of two authorities.
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (!Files.exists(dir.resolve(ROOT + ".pem"))) {
          generate().store(dir);
        }
        return load(dir);
      }
    } catch (IOException | GeneralSecurityException | PckCertificateException e) {
      throw new AttestationException("cannot load or create the simulation authority in " + dir, e);
    }
  }

  private static SimulationAuthority generate() throws GeneralSecurityException {
    KeyPair rootKeys = P256.generate();
    X500Principal rootName = name("Cloister Simulated SGX Root CA");
    X509Certificate rootCert =
        certificate(rootName, rootKeys.getPublic(), rootName, rootKeys.getPrivate(), 1, true, null);
    KeyPair caKeys = P256.generate();
    X509Certificate caCert =
        certificate(
            name("Cloister Simulated SGX PCK Processor CA"),
            caKeys.getPublic(),
            rootName,
            rootKeys.getPrivate(),
            2,
            true,
            null);
    KeyPair pckKeys = P256.generate();
    SgxExtensions ext =
        new SgxExtensions(
            label("cloister simulated ppid", 16),
            TCB_COMPONENTS,
            PCE_SVN,
            cpuSvn(),
            HexFormat.of().parseHex(PCE_ID),
            HexFormat.of().parseHex(FMSPC),
            0);
    X509Certificate pckCert =
        certificate(
            name("Cloister Simulated SGX PCK Certificate"),
            pckKeys.getPublic(),
            caCert.getSubjectX500Principal(),
            caKeys.getPrivate(),
            3,
            false,
            ext);
    KeyPair tcbKeys = P256.generate();
    X509Certificate tcbCert =
        certificate(
            name("Cloister Simulated SGX TCB Signing"),
            tcbKeys.getPublic(),
            rootName,
            rootKeys.getPrivate(),
            4,
            false,
            null);
    return new SimulationAuthority(
        new Issued(rootCert, rootKeys.getPrivate()),
        new Issued(caCert, caKeys.getPrivate()),
        new Issued(pckCert, pckKeys.getPrivate()),
        new Issued(tcbCert, tcbKeys.getPrivate()),
        P256.generate(),
        P256.generate());
  }

  private static X500Principal name(String cn) {
    return new X500Principal("CN=" + cn + ", O=Cloister Simulation");
  }

  private static X509Certificate certificate(
      X500Principal subject,
      PublicKey key,
      X500Principal issuer,
      PrivateKey issuerKey,
      long serial,
      boolean ca,
      SgxExtensions sgx)
      throws GeneralSecurityException {
    try {
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(serial),
              Date.from(NOT_BEFORE),
              Date.from(NOT_AFTER),
              subject,
              key);
      b.addExtension(
          Extension.basicConstraints,
          true,
          ca ? new BasicConstraints(0) : new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      if (sgx != null) {
        b.addExtension(new ASN1ObjectIdentifier(SgxExtensions.OID), false, sgx.encode());
      }
      return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode a simulated certificate", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  // The root certificate is written last: its presence means the set is complete.
  private void store(Path dir) throws IOException {
    write(dir, PCK_CA, pckCa);
    write(dir, PCK, pck);
    write(dir, TCB_SIGNING, tcbSigning);
    writeKeyPair(dir, ATTESTATION, attestationKey);
    writeKeyPair(dir, ENCLAVE_SIGNER, enclaveSigner);
    write(dir, ROOT, root);
  }

  private static void write(Path dir, String name, Issued issued) throws IOException {
    atomicWrite(dir.resolve(name + ".key.pem"), pemKey(issued.key()));
    atomicWrite(dir.resolve(name + ".pem"), PemCertificates.encode(List.of(issued.cert())));
  }

  private static void writeKeyPair(Path dir, String name, KeyPair pair) throws IOException {
    atomicWrite(dir.resolve(name + ".key.pem"), pemKey(pair.getPrivate()));
    atomicWrite(
        dir.resolve(name + ".pub"), HexFormat.of().formatHex(P256.raw(pair.getPublic())) + "\n");
  }

  private static void atomicWrite(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String pemKey(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static SimulationAuthority load(Path dir)
      throws IOException, GeneralSecurityException, PckCertificateException {
    return new SimulationAuthority(
        read(dir, ROOT),
        read(dir, PCK_CA),
        read(dir, PCK),
        read(dir, TCB_SIGNING),
        readKeyPair(dir, ATTESTATION),
        readKeyPair(dir, ENCLAVE_SIGNER));
  }

  private static Issued read(Path dir, String name)
      throws IOException, GeneralSecurityException, PckCertificateException {
    X509Certificate cert =
        PemCertificates.parse(Files.readString(dir.resolve(name + ".pem"))).get(0);
    return new Issued(cert, readKey(dir.resolve(name + ".key.pem")));
  }

  private static KeyPair readKeyPair(Path dir, String name)
      throws IOException, GeneralSecurityException {
    PublicKey pub =
        P256.publicKey(
            HexFormat.of().parseHex(Files.readString(dir.resolve(name + ".pub")).strip()));
    return new KeyPair(pub, readKey(dir.resolve(name + ".key.pem")));
  }

  private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
    String body =
        Files.readString(file)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "");
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("bad key file " + file, e);
    }
  }

  private static byte[] label(String text) {
    return P256.sha256(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] label(String text, int length) {
    return Arrays.copyOf(label(text), length);
  }

  /** CPUSVN of the simulated platform. */
  static byte[] cpuSvn() {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) TCB_COMPONENTS[i];
    }
    return b;
  }

  /** The simulation root, to be trusted only by verifiers that allow simulation. */
  public TrustRoot trustRoot() {
    return TrustRoot.simulation(root.cert());
  }

  /** The PCK chain: PCK certificate, PCK CA, root. */
  public List<X509Certificate> pckChain() {
    return List.of(pck.cert(), pckCa.cert(), root.cert());
  }

  /** The PCK certificate. */
  public X509Certificate pckCertificate() {
    return pck.cert();
  }

  KeyPair attestationKey() {
    return attestationKey;
  }

  PrivateKey pckKey() {
    return pck.key();
  }

  /** MRSIGNER of enclaves signed by the simulated signer: SHA-256 of its SubjectPublicKeyInfo. */
  public byte[] mrSigner() {
    return P256.sha256(enclaveSigner.getPublic().getEncoded());
  }

  /**
   * Issues collateral for the simulated platform: TCB info and QE identity signed by the TCB
   * signing key, a root CA CRL, and a PCK CRL revoking {@code revokedPckSerials}.
   */
  public Collateral collateral(
      Instant issuedAt, Duration validity, Collection<BigInteger> revokedPckSerials)
      throws AttestationException {
    Instant next = issuedAt.plus(validity);
    TcbInfo tcbInfo =
        new TcbInfo(
            "SGX",
            3,
            issuedAt,
            next,
            FMSPC,
            PCE_ID,
            1,
            List.of(
                new TcbLevel(TCB_COMPONENTS, PCE_SVN, NOT_BEFORE, TcbStatus.UP_TO_DATE, List.of())),
            List.of());
    QeIdentity qe =
        new QeIdentity(
            "QE",
            2,
            issuedAt,
            next,
            1,
            0,
            0xFFFFFFFFL,
            HexFormat.of().parseHex("11000000000000000000000000000000"),
            HexFormat.of().parseHex("FBFFFFFFFFFFFFFF0000000000000000"),
            QE_MRSIGNER,
            QE_ISV_PROD_ID,
            List.of(new QeTcbLevel(QE_ISV_SVN, NOT_BEFORE, TcbStatus.UP_TO_DATE, List.of())));
    byte[] tcbBody = tcbInfo.toJson();
    byte[] qeBody = qe.toJson();
    List<X509Certificate> signingChain = List.of(tcbSigning.cert(), root.cert());
    try {
      return new Collateral(
          List.of(pckCa.cert(), root.cert()),
          crl(pckCa, issuedAt, next, revokedPckSerials),
          crl(root, issuedAt, next, Set.of()),
          new SignedDocument<>(
              tcbBody, P256.sign(tcbSigning.key(), tcbBody), signingChain, TcbInfo.parse(tcbBody)),
          new SignedDocument<>(
              qeBody, P256.sign(tcbSigning.key(), qeBody), signingChain, QeIdentity.parse(qeBody)));
    } catch (GeneralSecurityException | CollateralFormatException e) {
      throw new AttestationException("cannot issue simulated collateral", e);
    }
  }

  private static X509CRL crl(
      Issued issuer, Instant thisUpdate, Instant next, Collection<BigInteger> revoked)
      throws GeneralSecurityException {
    X509v2CRLBuilder b =
        new X509v2CRLBuilder(
            X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()),
            Date.from(thisUpdate));
    b.setNextUpdate(Date.from(next));
    for (BigInteger serial : revoked) {
      b.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(signer(issuer.key())));
  }
}
