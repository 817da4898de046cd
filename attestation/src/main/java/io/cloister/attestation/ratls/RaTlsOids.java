package io.cloister.attestation.ratls;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The object identifiers of the RA-TLS certificate extensions, all non-critical. */
public final class RaTlsOids {

  /** Intel's SGX DCAP quote extension: the raw quote in an OCTET STRING. */
  public static final ASN1ObjectIdentifier SGX_QUOTE =
      new ASN1ObjectIdentifier("1.2.840.113741.1.13.1.0");

  /** Cloister's arc. */
  public static final ASN1ObjectIdentifier CLOISTER = new ASN1ObjectIdentifier("1.3.6.1.4.1.65230");

  /** Config Merkle root: OCTET STRING of 32 bytes. */
  public static final ASN1ObjectIdentifier MERKLE_ROOT = CLOISTER.branch("1.1");

  /** App manifest of the enclave certificate: DER {@code AppManifest}, see {@link AppManifest}. */
  public static final ASN1ObjectIdentifier APP_MANIFEST = CLOISTER.branch("1.2");

  /** Inclusion proof of the app's code-hash leaf: DER {@code ConfigInclusionProof}. */
  public static final ASN1ObjectIdentifier MERKLE_PROOF = CLOISTER.branch("1.3");

  /** App name: UTF8String. */
  public static final ASN1ObjectIdentifier APP_NAME = CLOISTER.branch("2.1");

  /** Route prefix: UTF8String. */
  public static final ASN1ObjectIdentifier ROUTE_PREFIX = CLOISTER.branch("2.2");

  /** SHA-256 code hash of the deployed artifact: OCTET STRING of 32 bytes. */
  public static final ASN1ObjectIdentifier CODE_HASH = CLOISTER.branch("2.3");

  private RaTlsOids() {}

  /** A short human name of an RA-TLS extension, for error messages and reports. */
  public static String describe(ASN1ObjectIdentifier oid) {
    String name;
    if (oid.equals(SGX_QUOTE)) {
      name = "SGX quote";
    } else if (oid.equals(MERKLE_ROOT)) {
      name = "Merkle root";
    } else if (oid.equals(APP_MANIFEST)) {
      name = "app manifest";
    } else if (oid.equals(MERKLE_PROOF)) {
      name = "Merkle inclusion proof";
    } else if (oid.equals(APP_NAME)) {
      name = "app name";
    } else if (oid.equals(ROUTE_PREFIX)) {
      name = "route prefix";
    } else if (oid.equals(CODE_HASH)) {
      name = "code hash";
    } else {
      name = "unknown";
    }
    return oid.getId() + " (" + name + ")";
  }
}
