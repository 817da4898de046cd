package io.cloister.attestation.verify;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Validates the short chains DCAP uses (leaf, intermediate CA, root) against a set of trust roots,
 * at an explicit instant, with the root CA's CRL.
 */
final class CertificateChains {
  private final List<TrustRoot> roots;

  CertificateChains(List<TrustRoot> roots) {
    this.roots = List.copyOf(roots);
  }

  /**
   * Checks {@code chain} (leaf first; the root may be included, then it must be byte-identical to a
   * trusted root) and returns the trust root it ends in.
   */
  TrustRoot validate(String what, List<X509Certificate> chain, Instant at)
      throws VerificationException {
    if (chain.isEmpty()) {
      throw new VerificationException(Rule.CHAIN_MALFORMED, what + " is empty");
    }
    X509Certificate last = chain.get(chain.size() - 1);
    TrustRoot root = rootFor(last);
    if (root == null) {
      throw new VerificationException(
          Rule.CHAIN_ROOT,
          what + " ends in " + last.getSubjectX500Principal() + ", which is not a trusted root");
    }
    List<X509Certificate> path =
        isSame(last, root.certificate()) ? chain.subList(0, chain.size() - 1) : chain;
    Date date = Date.from(at);
    for (int i = 0; i < path.size(); i++) {
      X509Certificate cert = path.get(i);
      X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : root.certificate();
      if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
          || issuer.getBasicConstraints() < 0) {
        throw new VerificationException(
            Rule.CHAIN_SIGNATURE,
            what
                + ": certificate "
                + i
                + " is not issued by the CA "
                + issuer.getSubjectX500Principal());
      }
      try {
        cert.verify(issuer.getPublicKey());
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new VerificationException(
            Rule.CHAIN_SIGNATURE,
            what + ": signature of " + cert.getSubjectX500Principal() + " does not verify",
            e);
      }
      try {
        cert.checkValidity(date);
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        throw new VerificationException(
            Rule.CHAIN_VALIDITY,
            what + ": " + cert.getSubjectX500Principal() + " is not valid at " + at,
            e);
      }
    }
    return root;
  }

  /** Checks a CRL's signature by {@code issuer} and its thisUpdate..nextUpdate window. */
  static void validateCrl(String what, X509CRL crl, X509Certificate issuer, Instant at)
      throws VerificationException {
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      throw new VerificationException(
          Rule.CRL_SIGNATURE,
          what
              + " is issued by "
              + crl.getIssuerX500Principal()
              + ", not by "
              + issuer.getSubjectX500Principal());
    }
    try {
      crl.verify(issuer.getPublicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new VerificationException(Rule.CRL_SIGNATURE, what + " signature does not verify", e);
    }
    Instant thisUpdate = crl.getThisUpdate().toInstant();
    Instant nextUpdate = crl.getNextUpdate().toInstant();
    if (at.isBefore(thisUpdate) || at.isAfter(nextUpdate)) {
      throw new VerificationException(
          Rule.CRL_VALIDITY,
          what + " is valid " + thisUpdate + ".." + nextUpdate + ", not at " + at);
    }
  }

  private TrustRoot rootFor(X509Certificate last) {
    for (TrustRoot r : roots) {
      if (isSame(last, r.certificate())) {
        return r;
      }
    }
    // A chain may omit the root: accept it if its last certificate names a trusted root as issuer.
    for (TrustRoot r : roots) {
      if (last.getIssuerX500Principal().equals(r.certificate().getSubjectX500Principal())
          && !last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
        return r;
      }
    }
    return null;
  }

  private static boolean isSame(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (CertificateEncodingException e) {
      return false;
    }
  }
}
