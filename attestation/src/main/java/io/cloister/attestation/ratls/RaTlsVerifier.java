package io.cloister.attestation.ratls;

import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.InclusionProofException;
import io.cloister.attestation.merkle.TreeHasher;
import io.cloister.attestation.quote.Quote;
import io.cloister.attestation.quote.QuoteFormatException;
import io.cloister.attestation.quote.SgxQuote;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an RA-TLS certificate: self-signature, validity window, extension encodings, the
 * report-data binding to the certificate's key and Merkle root, the quote (delegated to a {@link
 * QuoteAppraiser}), the caller's expectations, and the app's Merkle inclusion proof.
 */
public final class RaTlsVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private final QuoteAppraiser appraiser;
  private final Clock clock;

  /** A verifier appraising quotes with {@code appraiser}, checking validity at {@code clock}. */
  public RaTlsVerifier(QuoteAppraiser appraiser, Clock clock) {
    this.appraiser = appraiser;
    this.clock = clock;
  }

  /** Verifies the certificate chain a peer presented; never throws for bad input. */
  public RaTlsReport verify(List<X509Certificate> chain, RaTlsExpectations expected) {
    List<CheckResult> checks = new ArrayList<>();
    if (chain.size() != 1) {
      checks.add(
          CheckResult.fail(
              "certificate.chain",
              "expected one self-signed certificate, got a chain of " + chain.size()));
      return new RaTlsReport(checks, false, Optional.empty());
    }
    X509Certificate cert = chain.get(0);
    checks.add(selfSignature(cert));
    checks.add(validity(cert));
    expected.hostname().ifPresent(h -> checks.add(hostname(cert, h)));

    RaTlsExtensions ext;
    try {
      ext = RaTlsExtensions.read(cert);
      checks.add(CheckResult.pass("extensions", describe(ext)));
    } catch (MalformedExtensionException e) {
      checks.add(CheckResult.fail("extensions", e.getMessage()));
      return new RaTlsReport(checks, false, Optional.empty());
    }

    SgxQuote quote;
    try {
      Quote parsed = Quote.parse(ext.quote());
      if (!(parsed instanceof SgxQuote sgx)) {
        checks.add(
            CheckResult.fail(
                "quote.format",
                "expected an SGX quote (version 3), found " + parsed.header().version()));
        return new RaTlsReport(checks, false, Optional.of(ext));
      }
      quote = sgx;
      checks.add(
          CheckResult.pass("quote.format", "SGX DCAP quote v3, " + ext.quote().length + " bytes"));
    } catch (QuoteFormatException | RuntimeException e) {
      checks.add(
          CheckResult.fail(
              "quote.format",
              "extension " + RaTlsOids.describe(RaTlsOids.SGX_QUOTE) + ": " + e.getMessage()));
      return new RaTlsReport(checks, false, Optional.of(ext));
    }

    byte[] reportData = quote.reportData();
    byte[] spki = cert.getPublicKey().getEncoded();
    checks.add(
        compare(
            "report-data.key",
            Arrays.copyOfRange(reportData, 0, 32),
            TreeHasher.sha256(spki),
            "report_data[0..32] vs SHA-256(certificate SubjectPublicKeyInfo)"));
    checks.add(
        compare(
            "report-data.merkle-root",
            Arrays.copyOfRange(reportData, 32, 64),
            ext.merkleRoot(),
            "report_data[32..64] vs Merkle root extension"));

    QuoteAppraisal appraisal = appraise(ext.quote());
    checks.add(
        appraisal.accepted()
            ? CheckResult.pass("quote.appraisal", appraisal.detail())
            : CheckResult.fail("quote.appraisal", appraisal.detail()));

    expected
        .mrEnclave()
        .ifPresentOrElse(
            m ->
                checks.add(
                    compare("expect.mrenclave", quote.reportBody().mrEnclave(), m, "MRENCLAVE")),
            () ->
                checks.add(
                    CheckResult.skip(
                        "expect.mrenclave",
                        "not expected; quote has "
                            + HEX.formatHex(quote.reportBody().mrEnclave()))));
    expected
        .mrSigner()
        .ifPresentOrElse(
            m ->
                checks.add(
                    compare("expect.mrsigner", quote.reportBody().mrSigner(), m, "MRSIGNER")),
            () ->
                checks.add(
                    CheckResult.skip(
                        "expect.mrsigner",
                        "not expected; quote has "
                            + HEX.formatHex(quote.reportBody().mrSigner()))));

    Optional<AppIdentity> app = appIdentity(ext, expected);
    checks.add(expectApp(app, expected));
    checks.add(leafProof(ext, app, expected.requireLeafProof()));
    return new RaTlsReport(checks, appraisal.simulated(), Optional.of(ext));
  }

  private QuoteAppraisal appraise(byte[] quote) {
    try {
      return appraiser.appraise(quote);
    } catch (RuntimeException e) {
      // Fail closed: an appraiser bug is a rejection, not an acceptance.
      return new QuoteAppraisal(false, false, "quote appraisal failed: " + e);
    }
  }

  private static CheckResult selfSignature(X509Certificate cert) {
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return CheckResult.fail(
          "certificate.signature",
          "not self-signed: issuer "
              + cert.getIssuerX500Principal().getName()
              + " differs from subject "
              + cert.getSubjectX500Principal().getName());
    }
    try {
      cert.verify(cert.getPublicKey());
      return CheckResult.pass(
          "certificate.signature",
          "self-signed by its own "
              + cert.getPublicKey().getAlgorithm()
              + " key ("
              + cert.getSigAlgName()
              + ")");
    } catch (GeneralSecurityException | RuntimeException e) {
      return CheckResult.fail(
          "certificate.signature", "self-signature does not verify: " + e.getMessage());
    }
  }

  private CheckResult validity(X509Certificate cert) {
    Instant now = clock.instant();
    Instant from = cert.getNotBefore().toInstant();
    Instant to = cert.getNotAfter().toInstant();
    String window = from + " .. " + to + ", now " + now;
    return now.isBefore(from) || now.isAfter(to)
        ? CheckResult.fail("certificate.validity", "outside validity window " + window)
        : CheckResult.pass("certificate.validity", window);
  }

  private static CheckResult hostname(X509Certificate cert, String expected) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (Integer.valueOf(2).equals(san.get(0))) {
            names.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      return CheckResult.fail(
          "expect.hostname", "subjectAltName cannot be parsed: " + e.getMessage());
    }
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(expected))
        ? CheckResult.pass("expect.hostname", expected + " is in subjectAltName " + names)
        : CheckResult.fail("expect.hostname", expected + " is not in subjectAltName " + names);
  }

  /** The app from 2.1–2.3, else the manifest entry named as expected. */
  private static Optional<AppIdentity> appIdentity(
      RaTlsExtensions ext, RaTlsExpectations expected) {
    if (ext.app().isPresent()) {
      return ext.app();
    }
    return expected
        .appName()
        .flatMap(
            name ->
                ext.manifest()
                    .flatMap(
                        m ->
                            m.apps().stream()
                                .filter(a -> a.name().equals(name))
                                .findFirst()
                                .map(AppIdentity::of)));
  }

  private static CheckResult expectApp(Optional<AppIdentity> app, RaTlsExpectations expected) {
    boolean expectsApp =
        expected.appName().isPresent()
            || expected.routePrefix().isPresent()
            || expected.codeHash().isPresent();
    if (!expectsApp) {
      return CheckResult.skip(
          "expect.app",
          app.map(a -> "not expected; certificate speaks for " + a.name()).orElse("not expected"));
    }
    if (app.isEmpty()) {
      return CheckResult.fail(
          "expect.app",
          "an app was expected but the certificate carries "
              + "neither app extensions (2.1–2.3) nor a manifest entry for "
              + expected.appName().orElse("it"));
    }
    AppIdentity a = app.get();
    List<String> mismatches = new ArrayList<>();
    expected
        .appName()
        .filter(n -> !n.equals(a.name()))
        .ifPresent(n -> mismatches.add("app name '" + a.name() + "', expected '" + n + "'"));
    expected
        .routePrefix()
        .filter(p -> !p.equals(a.routePrefix()))
        .ifPresent(
            p -> mismatches.add("route prefix '" + a.routePrefix() + "', expected '" + p + "'"));
    expected
        .codeHash()
        .filter(h -> !MessageDigest.isEqual(h, a.codeHash()))
        .ifPresent(
            h ->
                mismatches.add(
                    "code hash " + HEX.formatHex(a.codeHash()) + ", expected " + HEX.formatHex(h)));
    return mismatches.isEmpty()
        ? CheckResult.pass(
            "expect.app",
            "app "
                + a.name()
                + ", route prefix "
                + a.routePrefix()
                + ", code hash "
                + HEX.formatHex(a.codeHash()))
        : CheckResult.fail("expect.app", String.join("; ", mismatches));
  }

  private static CheckResult leafProof(
      RaTlsExtensions ext, Optional<AppIdentity> app, boolean required) {
    if (ext.leafProof().isEmpty()) {
      return required
          ? CheckResult.fail(
              "merkle.proof", "an inclusion proof was required but the certificate has none")
          : CheckResult.skip("merkle.proof", "the certificate carries no inclusion proof");
    }
    ConfigLeafProof proof = ext.leafProof().get();
    if (ext.app().isEmpty()) {
      return CheckResult.fail("merkle.proof", "an inclusion proof without app extensions to prove");
    }
    AppIdentity a = ext.app().get();
    String key = ConfigKeys.appCodeHash(a.name());
    if (!proof.key().equals(key) || !MessageDigest.isEqual(proof.value(), a.codeHash())) {
      return CheckResult.fail(
          "merkle.proof",
          "the proof is for leaf '"
              + proof.key()
              + "', not for "
              + key
              + " with the certificate's code hash");
    }
    try {
      proof.verify(ext.merkleRoot());
      return CheckResult.pass(
          "merkle.proof",
          "leaf "
              + key
              + " (index "
              + proof.proof().leafIndex()
              + " of "
              + proof.proof().treeSize()
              + ") is in the tree with the certificate's root");
    } catch (InclusionProofException e) {
      return CheckResult.fail("merkle.proof", e.getMessage());
    }
  }

  private static CheckResult compare(String name, byte[] actual, byte[] expected, String what) {
    return MessageDigest.isEqual(actual, expected)
        ? CheckResult.pass(name, what + ": " + HEX.formatHex(actual))
        : CheckResult.fail(
            name,
            what + " differ: " + HEX.formatHex(actual) + ", expected " + HEX.formatHex(expected));
  }

  private static String describe(RaTlsExtensions ext) {
    StringBuilder out =
        new StringBuilder("quote ")
            .append(ext.quote().length)
            .append(" bytes, Merkle root ")
            .append(HEX.formatHex(ext.merkleRoot()));
    ext.app().ifPresent(a -> out.append(", app ").append(a.name()));
    ext.manifest()
        .ifPresent(m -> out.append(", manifest of ").append(m.apps().size()).append(" app(s)"));
    ext.leafProof().ifPresent(p -> out.append(", inclusion proof"));
    return out.toString();
  }
}
