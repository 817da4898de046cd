package io.cloister.attestation.freshness;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.Attester;
import io.cloister.attestation.ratls.MalformedExtensionException;
import io.cloister.attestation.ratls.RaTlsExtensions;
import io.cloister.attestation.ratls.ReportData;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * Server side of the freshness challenge: a fresh quote over SHA-256(SPKI ‖ nonce) ‖ root for the
 * certificate the connection is using. Independent of any HTTP server; the enclave routes {@link
 * Nonces#PATH} here.
 */
public final class FreshnessResponder {

  private final Attester attester;

  /** Quotes with {@code attester}, the same one that issued the certificates. */
  public FreshnessResponder(Attester attester) {
    this.attester = attester;
  }

  /**
   * The evidence for {@code nonce} on a connection that presented {@code connectionCertificate}.
   *
   * @throws MalformedExtensionException if the certificate carries no readable Merkle root
   * @throws AttestationException if the attester cannot quote
   */
  public FreshnessEvidence respond(X509Certificate connectionCertificate, byte[] nonce)
      throws MalformedExtensionException, AttestationException {
    Nonces.check(nonce);
    byte[] root = RaTlsExtensions.read(connectionCertificate).merkleRoot();
    byte[] spki = connectionCertificate.getPublicKey().getEncoded();
    byte[] quote = attester.quote(ReportData.forNonce(spki, nonce, root));
    return new FreshnessEvidence(nonce, root, quote);
  }

  /**
   * The JSON answer to {@code GET PATH?nonce=nonceHex} on a connection whose server certificates
   * are {@code localCertificates} (as an HTTP server reports them; the first is the one presented).
   *
   * @throws FreshnessException if the nonce is missing or malformed (answer 400)
   * @throws MalformedExtensionException if the connection's certificate is not RA-TLS
   * @throws AttestationException if the attester cannot quote
   */
  public byte[] answer(Certificate[] localCertificates, String nonceHex)
      throws FreshnessException, MalformedExtensionException, AttestationException {
    byte[] nonce = Nonces.parse(nonceHex);
    if (localCertificates == null
        || localCertificates.length == 0
        || !(localCertificates[0] instanceof X509Certificate certificate)) {
      throw new IllegalStateException("the connection presented no X.509 certificate");
    }
    return respond(certificate, nonce).toJson();
  }
}
