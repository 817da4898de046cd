package io.cloister.attestation.collateral;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything besides the quote that a verifier needs, as Intel's PCS publishes it: the PCK CRL and
 * its issuer chain, the root CA CRL, the signed TCB info for the platform's FMSPC and the signed QE
 * identity. Parsed once, reused for any number of verifications.
 *
 * @param pckCrlIssuerChain chain of the PCK CRL's issuer (the PCK platform or processor CA first)
 * @param pckCrl CRL of the PCK CA
 * @param rootCaCrl CRL of the root CA (covers the intermediate CAs)
 * @param tcbInfo signed TCB info
 * @param qeIdentity signed QE identity
 */
public record Collateral(
    List<X509Certificate> pckCrlIssuerChain,
    X509CRL pckCrl,
    X509CRL rootCaCrl,
    SignedDocument<TcbInfo> tcbInfo,
    SignedDocument<QeIdentity> qeIdentity) {

  /** Copies the list. */
  public Collateral {
    pckCrlIssuerChain = List.copyOf(pckCrlIssuerChain);
  }

  /**
   * The earliest issue date of the TCB info and QE identity: the collateral's age starts here. CRLs
   * are left out: Intel reissues the root CA CRL about once a year, and their own windows are
   * checked during verification.
   */
  public Instant issuedAt() {
    Instant tcb = tcbInfo.content().issueDate();
    Instant qe = qeIdentity.content().issueDate();
    return tcb.isBefore(qe) ? tcb : qe;
  }

  /** The earliest next-update date: after it the collateral must be refreshed. */
  public Instant nextUpdate() {
    return Stream.of(
            tcbInfo.content().nextUpdate(),
            qeIdentity.content().nextUpdate(),
            pckCrl.getNextUpdate().toInstant(),
            rootCaCrl.getNextUpdate().toInstant())
        .min(Instant::compareTo)
        .orElseThrow();
  }
}
