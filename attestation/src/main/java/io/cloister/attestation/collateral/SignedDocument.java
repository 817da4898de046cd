package io.cloister.attestation.collateral;

import io.cloister.attestation.crypto.P256;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A signed JSON collateral document (TCB info or QE identity): the exact signed bytes, the ECDSA
 * P-256 signature over them (r‖s, 64 bytes), the signer's chain (TCB signing certificate first),
 * and the parsed content. The verifier checks the signature with {@link #signedBy(PublicKey)}.
 *
 * @param <T> the parsed content type
 */
public final class SignedDocument<T> {
  private final byte[] body;
  private final byte[] signature;
  private final List<X509Certificate> issuerChain;
  private final T content;
  // Like the JDK's certificates, remember the key that verified the signature: collateral is
  // verified once per quote, and the document cannot change.
  private volatile PublicKey verifiedKey;

  /** Creates the document; {@code content} must have been parsed from {@code body}. */
  public SignedDocument(
      byte[] body, byte[] signature, List<X509Certificate> issuerChain, T content) {
    this.body = body.clone();
    this.signature = signature.clone();
    this.issuerChain = List.copyOf(issuerChain);
    this.content = Objects.requireNonNull(content);
  }

  /** The signed bytes (UTF-8 JSON text exactly as issued). */
  public byte[] body() {
    return body.clone();
  }

  /** The signature, r‖s. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The signer's certificate chain, signer first. */
  public List<X509Certificate> issuerChain() {
    return issuerChain;
  }

  /** The parsed content. */
  public T content() {
    return content;
  }

  /** Whether {@code key} verifies the signature over the body; a success is remembered. */
  public boolean signedBy(PublicKey key) {
    if (key.equals(verifiedKey)) {
      return true;
    }
    boolean valid = P256.verify(key, body, signature);
    if (valid) {
      verifiedKey = key;
    }
    return valid;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedDocument<?> d
        && Arrays.equals(body, d.body)
        && Arrays.equals(signature, d.signature)
        && issuerChain.equals(d.issuerChain);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(body) * 31 + Arrays.hashCode(signature);
  }
}
