package io.cloister.attestation.verify;

import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.QeIdentity;
import io.cloister.attestation.collateral.QeTcbLevel;
import io.cloister.attestation.collateral.SignedDocument;
import io.cloister.attestation.collateral.TcbInfo;
import io.cloister.attestation.collateral.TcbLevel;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.collateral.TdxModuleIdentity;
import io.cloister.attestation.crypto.P256;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.SgxExtensions;
import io.cloister.attestation.quote.CertificationData;
import io.cloister.attestation.quote.EnclaveReport;
import io.cloister.attestation.quote.QeReportCertification;
import io.cloister.attestation.quote.Quote;
import io.cloister.attestation.quote.QuoteFormatException;
import io.cloister.attestation.quote.QuoteHeader;
import io.cloister.attestation.quote.SgxQuote;
import io.cloister.attestation.quote.TdReport;
import io.cloister.attestation.quote.TdxQuote;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies SGX DCAP quotes following Intel's appraisal steps: PCK chain to a trusted root with
 * CRLs, QE report signed by the PCK key and binding the attestation key, quote signature, signed
 * and current TCB info and QE identity, FMSPC/PCE-ID match, TCB level and QE identity matching.
 * Thread-safe; its only state is a bounded cache of parsed PCK chains. The verification instant is
 * always explicit.
 */
public final class QuoteVerifier {
  private final CertificateChains chains;
  private final PckChainCache pckChains = new PckChainCache();

  /** A verifier trusting the given roots. */
  public QuoteVerifier(List<TrustRoot> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("a verifier needs at least one trust root");
    }
    this.chains = new CertificateChains(roots);
  }

  /** A verifier trusting only the Intel SGX Root CA. */
  public static QuoteVerifier intel() {
    return new QuoteVerifier(List.of(TrustRoot.intel()));
  }

  /** Parses, verifies and applies {@code policy}; never throws for a bad quote. */
  public Appraisal appraise(
      byte[] quote, Collateral collateral, AppraisalPolicy policy, Instant at) {
    QuoteReport report;
    try {
      report = verify(parse(quote), collateral, at);
    } catch (VerificationException e) {
      return new Appraisal(Optional.empty(), List.of(e.violation()));
    }
    return new Appraisal(Optional.of(report), policy.evaluate(report));
  }

  private static SgxQuote parse(byte[] quote) throws VerificationException {
    Quote q;
    try {
      q = Quote.parse(quote);
    } catch (QuoteFormatException e) {
      throw new VerificationException(Rule.QUOTE_FORMAT, e.getMessage(), e);
    }
    if (q instanceof SgxQuote sgx) {
      return sgx;
    }
    throw new VerificationException(
        Rule.QUOTE_UNSUPPORTED, "only SGX (version 3) quotes are verified, this is " + q);
  }

  /**
   * Verifies a parsed SGX quote with its collateral as of {@code at}.
   *
   * @throws VerificationException naming the first rule the quote or collateral breaks
   */
  public QuoteReport verify(SgxQuote quote, Collateral collateral, Instant at)
      throws VerificationException {
    Certified c = certify(quote, collateral, at, "SGX", "QE");
    SgxExtensions sgx = c.sgx();
    QeTcbLevel qeLevel = c.qeLevel();
    // 7. The platform's TCB level: first level the PCK's component SVNs and PCE SVN all meet.
    TcbLevel level =
        c.tcbInfo()
            .levelFor(sgx.tcbComponents(), sgx.pceSvn())
            .orElseThrow(
                () ->
                    new VerificationException(
                        Rule.TCB_LEVEL_UNKNOWN,
                        "no TCB level is met by the PCK's TCB "
                            + Arrays.toString(sgx.tcbComponents())
                            + " PCESVN "
                            + sgx.pceSvn()));
    TcbStatus status = level.status().convergeWithQe(qeLevel.status());
    Set<String> advisories = new LinkedHashSet<>(level.advisoryIds());
    advisories.addAll(qeLevel.advisoryIds());

    EnclaveReport body = quote.reportBody();
    return new QuoteReport(
        body.mrEnclave(),
        body.mrSigner(),
        body.isvProdId(),
        body.isvSvn(),
        body.debug(),
        body.reportData(),
        status,
        new ArrayList<>(advisories),
        sgx.fmspcHex(),
        level.tcbDate(),
        collateral.issuedAt(),
        collateral.nextUpdate(),
        at,
        c.root().simulated());
  }

  /**
   * Verifies a parsed TDX quote with its TDX collateral as of {@code at}: the common steps, then
   * the TDX TCB level (SGX components, PCE SVN and TEE TCB SVN) and the TDX module identity.
   *
   * @throws VerificationException naming the first rule the quote or collateral breaks
   */
  public TdxQuoteReport verify(TdxQuote quote, Collateral collateral, Instant at)
      throws VerificationException {
    Certified c = certify(quote, collateral, at, "TDX", "TD_QE");
    TdReport td = quote.reportBody();
    byte[] teeTcbSvn = td.teeTcbSvn();
    int moduleVersion = teeTcbSvn[1] & 0xff;
    // With a versioned module, its SVN and version are judged by its module identity instead.
    int from = moduleVersion > 0 ? 2 : 0;
    SgxExtensions sgx = c.sgx();
    TcbLevel level =
        c.tcbInfo().levels().stream()
            .filter(l -> l.matches(sgx.tcbComponents(), sgx.pceSvn()))
            .filter(l -> l.matchesTdx(teeTcbSvn, from))
            .findFirst()
            .orElseThrow(
                () ->
                    new VerificationException(
                        Rule.TCB_LEVEL_UNKNOWN,
                        "no TDX TCB level is met by the PCK's TCB "
                            + Arrays.toString(sgx.tcbComponents())
                            + " PCESVN "
                            + sgx.pceSvn()
                            + " and TEE TCB SVN "
                            + HexFormat.of().formatHex(teeTcbSvn)));
    TcbStatus status = level.status();
    Set<String> advisories = new LinkedHashSet<>(level.advisoryIds());
    if (moduleVersion > 0) {
      QeTcbLevel moduleLevel = checkTdxModule(c.tcbInfo(), td, moduleVersion, teeTcbSvn[0] & 0xff);
      status = status.convergeWithQe(moduleLevel.status());
      advisories.addAll(moduleLevel.advisoryIds());
    }
    status = status.convergeWithQe(c.qeLevel().status());
    advisories.addAll(c.qeLevel().advisoryIds());
    return new TdxQuoteReport(
        td,
        status,
        new ArrayList<>(advisories),
        sgx.fmspcHex(),
        level.tcbDate(),
        collateral.issuedAt(),
        collateral.nextUpdate(),
        at,
        c.root().simulated());
  }

  private static QeTcbLevel checkTdxModule(
      TcbInfo tcbInfo, TdReport td, int moduleVersion, int moduleSvn) throws VerificationException {
    String id = String.format("TDX_%02X", moduleVersion);
    TdxModuleIdentity module =
        tcbInfo
            .tdxModuleIdentity(id)
            .orElseThrow(
                () ->
                    new VerificationException(
                        Rule.TDX_MODULE_MISMATCH, "TCB info has no TDX module identity " + id));
    byte[] attributes = td.seamAttributes();
    byte[] mask = module.attributesMask();
    byte[] expected = module.attributes();
    boolean attributesMatch = true;
    for (int i = 0; i < 8; i++) {
      attributesMatch &= (attributes[i] & mask[i]) == expected[i];
    }
    if (!Arrays.equals(td.mrSignerSeam(), module.mrSigner()) || !attributesMatch) {
      throw new VerificationException(
          Rule.TDX_MODULE_MISMATCH,
          "MRSIGNERSEAM or SEAMATTRIBUTES differ from TDX module identity " + id);
    }
    return module
        .levelFor(moduleSvn)
        .orElseThrow(
            () ->
                new VerificationException(
                    Rule.TDX_MODULE_MISMATCH,
                    "no level of TDX module identity " + id + " is met by SVN " + moduleSvn));
  }

  /** What steps 1 to 6, common to SGX and TDX quotes, establish. */
  private record Certified(
      TrustRoot root, SgxExtensions sgx, TcbInfo tcbInfo, QeTcbLevel qeLevel) {}

  /**
   * Steps common to SGX and TDX: collateral, PCK chain, QE report, quote signature, QE identity.
   * {@code teeId} is the TCB info id ("SGX", "TDX"), {@code qeId} the QE identity id.
   */
  private Certified certify(
      Quote quote, Collateral collateral, Instant at, String teeId, String qeId)
      throws VerificationException {
    // 1. Collateral: chains to a trusted root, root CA CRL, signed and current TCB info and QE
    //    identity, PCK CRL issuer chain. The quote must then chain to the same root.
    TrustRoot root =
        chains.validate("TCB info issuer chain", collateral.tcbInfo().issuerChain(), at);
    X509Certificate rootCert = root.certificate();
    X509CRL rootCrl = collateral.rootCaCrl();
    CertificateChains.validateCrl("root CA CRL", rootCrl, rootCert, at);
    TcbInfo tcbInfo =
        signedDocument(
            "TCB info", collateral.tcbInfo(), root, rootCrl, at, Rule.TCB_INFO_SIGNATURE);
    window("TCB info", tcbInfo.issueDate(), tcbInfo.nextUpdate(), at, Rule.TCB_INFO_VALIDITY);
    QeIdentity qeIdentity =
        signedDocument(
            "QE identity", collateral.qeIdentity(), root, rootCrl, at, Rule.QE_IDENTITY_SIGNATURE);
    window(
        "QE identity",
        qeIdentity.issueDate(),
        qeIdentity.nextUpdate(),
        at,
        Rule.QE_IDENTITY_VALIDITY);
    List<X509Certificate> crlIssuerChain = collateral.pckCrlIssuerChain();
    requireSameRoot(
        root, chains.validate("PCK CRL issuer chain", crlIssuerChain, at), "PCK CRL issuer chain");
    notRevoked(rootCrl, crlIssuerChain, rootCert);

    // 2. The quote comes from Intel's QE and carries a PCK chain.
    if (!Arrays.equals(quote.header().qeVendorId(), QuoteHeader.INTEL_QE_VENDOR_ID)) {
      throw new VerificationException(Rule.QE_VENDOR, "QE vendor ID is not Intel's");
    }
    QeReportCertification qe = quote.qeCertification();
    CertificationData cert = qe.pckCertification();
    if (cert.type() != CertificationData.PCK_CERT_CHAIN) {
      throw new VerificationException(
          Rule.CERTIFICATION_DATA, "certification data type " + cert.type() + ", expected 5");
    }

    // 3. PCK chain to the collateral's root; intermediates against the root CA CRL, the PCK
    //    against the PCK CRL; the TCB info is for the PCK's platform.
    List<X509Certificate> pckChain = pemChain("PCK chain in the quote", cert.pemText());
    if (pckChain.size() < 2) {
      throw new VerificationException(Rule.CHAIN_MALFORMED, "PCK chain lacks its issuing CA");
    }
    requireSameRoot(root, chains.validate("PCK chain", pckChain, at), "PCK chain");
    X509Certificate pck = pckChain.get(0);
    X509Certificate pckCa = pckChain.get(1);
    if (!crlIssuerChain.get(0).equals(pckCa)) {
      throw new VerificationException(
          Rule.CRL_SIGNATURE, "the PCK CRL's issuer chain does not start with the quote's PCK CA");
    }
    CertificateChains.validateCrl("PCK CRL", collateral.pckCrl(), pckCa, at);
    notRevoked(rootCrl, pckChain.subList(1, pckChain.size()), rootCert);
    if (collateral.pckCrl().isRevoked(pck)) {
      throw new VerificationException(
          Rule.PCK_REVOKED,
          "PCK certificate serial "
              + pck.getSerialNumber().toString(16)
              + " is revoked by the PCK CRL");
    }
    SgxExtensions sgx;
    try {
      sgx = pckChains.extensions(pck);
    } catch (PckCertificateException e) {
      throw new VerificationException(Rule.PCK_EXTENSIONS, e.getMessage(), e);
    }
    if (!tcbInfo.id().equals(teeId)
        || !tcbInfo.fmspc().equals(sgx.fmspcHex())
        || !tcbInfo.pceId().equals(sgx.pceIdHex())) {
      throw new VerificationException(
          Rule.TCB_INFO_MISMATCH,
          "TCB info is "
              + tcbInfo.id()
              + " for FMSPC "
              + tcbInfo.fmspc()
              + "/PCE-ID "
              + tcbInfo.pceId()
              + ", expected "
              + teeId
              + " TCB info for the PCK's FMSPC "
              + sgx.fmspcHex()
              + "/PCE-ID "
              + sgx.pceIdHex());
    }

    // 4. The QE report is signed by the PCK key and binds the attestation key.
    EnclaveReport qeReport = qe.qeReport();
    if (!P256.verify(pck.getPublicKey(), qeReport.encode(), qe.qeReportSignature())) {
      throw new VerificationException(
          Rule.QE_REPORT_SIGNATURE, "the QE report signature does not verify with the PCK key");
    }
    byte[] attestationKeyRaw = quote.attestationKey();
    byte[] expected = P256.sha256(attestationKeyRaw, qe.qeAuthData());
    byte[] qeData = qeReport.reportData();
    if (!Arrays.equals(Arrays.copyOf(qeData, 32), expected)
        || !Arrays.equals(Arrays.copyOfRange(qeData, 32, 64), new byte[32])) {
      throw new VerificationException(
          Rule.QE_REPORT_DATA,
          "QE report data is not SHA-256(attestation key || QE auth data) followed by zeros");
    }

    // 5. The quote is signed by the attestation key.
    PublicKey attestationKey;
    try {
      attestationKey = P256.publicKey(attestationKeyRaw);
    } catch (GeneralSecurityException e) {
      throw new VerificationException(
          Rule.QUOTE_SIGNATURE, "attestation key: " + e.getMessage(), e);
    }
    if (!P256.verify(attestationKey, quote.signedBytes(), quote.signature())) {
      throw new VerificationException(
          Rule.QUOTE_SIGNATURE, "the quote signature does not verify with the attestation key");
    }

    // 6. The QE is the one the QE identity describes; its TCB level by ISV SVN.
    QeTcbLevel qeLevel = checkQe(qeIdentity, qeReport, qeId);
    return new Certified(root, sgx, tcbInfo, qeLevel);
  }

  private List<X509Certificate> pemChain(String what, String pem) throws VerificationException {
    try {
      return pckChains.chain(pem);
    } catch (PckCertificateException e) {
      throw new VerificationException(Rule.CHAIN_MALFORMED, what + ": " + e.getMessage(), e);
    }
  }

  private static void requireSameRoot(TrustRoot expected, TrustRoot actual, String what)
      throws VerificationException {
    if (!expected.equals(actual)) {
      throw new VerificationException(
          Rule.CHAIN_ROOT,
          what
              + " ends in "
              + actual.certificate().getSubjectX500Principal()
              + ", not in the root of the TCB info, "
              + expected.certificate().getSubjectX500Principal());
    }
  }

  private static void notRevoked(X509CRL rootCrl, List<X509Certificate> cas, X509Certificate root)
      throws VerificationException {
    for (X509Certificate ca : cas) {
      if (!ca.equals(root) && rootCrl.isRevoked(ca)) {
        throw new VerificationException(
            Rule.CHAIN_REVOKED, ca.getSubjectX500Principal() + " is revoked by the root CA CRL");
      }
    }
  }

  private <T> T signedDocument(
      String what,
      SignedDocument<T> doc,
      TrustRoot root,
      X509CRL rootCrl,
      Instant at,
      Rule signatureRule)
      throws VerificationException {
    List<X509Certificate> chain = doc.issuerChain();
    requireSameRoot(
        root, chains.validate(what + " issuer chain", chain, at), what + " issuer chain");
    // The root CA CRL has already been validated against this root.
    notRevoked(rootCrl, chain, root.certificate());
    if (!doc.signedBy(chain.get(0).getPublicKey())) {
      throw new VerificationException(signatureRule, what + " signature does not verify");
    }
    return doc.content();
  }

  private static void window(String what, Instant issued, Instant next, Instant at, Rule rule)
      throws VerificationException {
    if (at.isBefore(issued) || at.isAfter(next)) {
      throw new VerificationException(
          rule, what + " is valid " + issued + ".." + next + ", not at " + at);
    }
  }

  private static QeTcbLevel checkQe(QeIdentity id, EnclaveReport qe, String expectedId)
      throws VerificationException {
    List<String> problems = new ArrayList<>();
    if (!Arrays.equals(qe.mrSigner(), id.mrSigner())) {
      problems.add("MRSIGNER");
    }
    if (qe.isvProdId() != id.isvProdId()) {
      problems.add("ISV product ID " + qe.isvProdId() + " (expected " + id.isvProdId() + ")");
    }
    if ((qe.miscSelect() & id.miscselectMask()) != id.miscselect()) {
      problems.add("MISCSELECT");
    }
    byte[] attrs = qe.attributes();
    byte[] mask = id.attributesMask();
    byte[] want = id.attributes();
    for (int i = 0; i < 16; i++) {
      if ((attrs[i] & mask[i]) != want[i]) {
        problems.add("attributes");
        break;
      }
    }
    if (!id.id().equals(expectedId)) {
      problems.add("identity is " + id.id() + ", not " + expectedId);
    }
    if (!problems.isEmpty()) {
      throw new VerificationException(
          Rule.QE_IDENTITY_MISMATCH, "the QE report differs from the QE identity in " + problems);
    }
    return id.levelFor(qe.isvSvn())
        .orElseThrow(
            () ->
                new VerificationException(
                    Rule.QE_TCB_LEVEL_UNKNOWN, "no QE TCB level is met by ISV SVN " + qe.isvSvn()));
  }
}
