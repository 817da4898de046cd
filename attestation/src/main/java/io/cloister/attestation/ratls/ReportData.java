package io.cloister.attestation.ratls;

import io.cloister.attestation.merkle.TreeHasher;
import java.security.MessageDigest;

/**
 * The 64 report-data bytes an RA-TLS quote binds: the first half names the TLS key (and, for a
 * freshness quote, the client's nonce), the second half is the Config Merkle root.
 */
public final class ReportData {

  /** Size of SGX report data. */
  public static final int SIZE = 64;

  private ReportData() {}

  /** SHA-256(SPKI DER) ‖ root: what a certificate's quote carries. */
  public static byte[] forCertificate(byte[] subjectPublicKeyInfo, byte[] merkleRoot) {
    return concat(TreeHasher.sha256(subjectPublicKeyInfo), merkleRoot);
  }

  /** SHA-256(SPKI DER ‖ nonce) ‖ root: what a freshness quote carries. */
  public static byte[] forNonce(byte[] subjectPublicKeyInfo, byte[] nonce, byte[] merkleRoot) {
    MessageDigest md = TreeHasher.newDigest();
    md.update(subjectPublicKeyInfo);
    md.update(nonce);
    return concat(md.digest(), merkleRoot);
  }

  private static byte[] concat(byte[] keyHash, byte[] merkleRoot) {
    if (merkleRoot.length != 32) {
      throw new IllegalArgumentException(
          "Merkle root is " + merkleRoot.length + " bytes, expected 32");
    }
    byte[] out = new byte[SIZE];
    System.arraycopy(keyHash, 0, out, 0, 32);
    System.arraycopy(merkleRoot, 0, out, 32, 32);
    return out;
  }
}
