package io.cloister.attestation.ratls;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** An RA-TLS certificate extension that is missing, critical, or not encoded as specified. */
public final class MalformedExtensionException extends Exception {

  private final transient ASN1ObjectIdentifier oid;

  /** For the extension {@code oid}, with what is wrong with it. */
  public MalformedExtensionException(ASN1ObjectIdentifier oid, String problem) {
    super("extension " + RaTlsOids.describe(oid) + ": " + problem);
    this.oid = oid;
  }

  /** With the underlying decoding failure. */
  public MalformedExtensionException(ASN1ObjectIdentifier oid, String problem, Throwable cause) {
    super("extension " + RaTlsOids.describe(oid) + ": " + problem, cause);
    this.oid = oid;
  }

  /** The extension's OID. */
  public ASN1ObjectIdentifier oid() {
    return oid;
  }
}
