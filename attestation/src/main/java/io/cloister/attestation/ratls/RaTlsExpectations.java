package io.cloister.attestation.ratls;

import java.util.Optional;

/**
 * What a client expects of an RA-TLS peer beyond a valid quote; an empty field is not checked.
 *
 * @param appName the app the certificate must speak for
 * @param routePrefix the app's route prefix
 * @param codeHash the app's SHA-256 code hash, 32 bytes
 * @param mrEnclave the enclave measurement, 32 bytes
 * @param mrSigner the enclave signer's measurement, 32 bytes
 * @param hostname a DNS name the certificate's subjectAltName must list
 * @param requireLeafProof whether the app's code hash must come with a Merkle inclusion proof
 */
public record RaTlsExpectations(
    Optional<String> appName,
    Optional<String> routePrefix,
    Optional<byte[]> codeHash,
    Optional<byte[]> mrEnclave,
    Optional<byte[]> mrSigner,
    Optional<String> hostname,
    boolean requireLeafProof) {

  /** Expects nothing beyond a valid, bound, accepted quote. */
  public static RaTlsExpectations none() {
    return new RaTlsExpectations(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** With the expected app name. */
  public RaTlsExpectations withAppName(String name) {
    return new RaTlsExpectations(
        Optional.of(name), routePrefix, codeHash, mrEnclave, mrSigner, hostname, requireLeafProof);
  }

  /** With the expected route prefix. */
  public RaTlsExpectations withRoutePrefix(String prefix) {
    return new RaTlsExpectations(
        appName, Optional.of(prefix), codeHash, mrEnclave, mrSigner, hostname, requireLeafProof);
  }

  /** With the expected code hash. */
  public RaTlsExpectations withCodeHash(byte[] hash) {
    return new RaTlsExpectations(
        appName,
        routePrefix,
        Optional.of(hash.clone()),
        mrEnclave,
        mrSigner,
        hostname,
        requireLeafProof);
  }

  /** With the expected MRENCLAVE. */
  public RaTlsExpectations withMrEnclave(byte[] value) {
    return new RaTlsExpectations(
        appName,
        routePrefix,
        codeHash,
        Optional.of(value.clone()),
        mrSigner,
        hostname,
        requireLeafProof);
  }

  /** With the expected MRSIGNER. */
  public RaTlsExpectations withMrSigner(byte[] value) {
    return new RaTlsExpectations(
        appName,
        routePrefix,
        codeHash,
        mrEnclave,
        Optional.of(value.clone()),
        hostname,
        requireLeafProof);
  }

  /** With a DNS name the certificate must be for. */
  public RaTlsExpectations withHostname(String name) {
    return new RaTlsExpectations(
        appName, routePrefix, codeHash, mrEnclave, mrSigner, Optional.of(name), requireLeafProof);
  }

  /** Requiring the inclusion proof of the app's code-hash leaf. */
  public RaTlsExpectations withLeafProofRequired() {
    return new RaTlsExpectations(
        appName, routePrefix, codeHash, mrEnclave, mrSigner, hostname, true);
  }
}
