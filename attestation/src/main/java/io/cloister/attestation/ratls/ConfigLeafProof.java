package io.cloister.attestation.ratls;

import io.cloister.attestation.merkle.InclusionProof;
import io.cloister.attestation.merkle.InclusionProofException;
import io.cloister.attestation.merkle.TreeHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * A Config Merkle leaf with its inclusion proof, carried under {@link RaTlsOids#MERKLE_PROOF}:
 *
 * <pre>
 * ConfigInclusionProof ::= SEQUENCE {
 *   key        UTF8String,
 *   value      OCTET STRING,
 *   leafIndex  INTEGER (0..4294967295),
 *   treeSize   INTEGER (1..4294967295),
 *   auditPath  SEQUENCE OF OCTET STRING (SIZE (32)) }   -- nearest sibling first
 * </pre>
 */
public record ConfigLeafProof(String key, byte[] value, InclusionProof proof) {

  private static final long MAX_SIZE = 0xFFFF_FFFFL;
  private static final int MAX_PATH = 32;

  /** Copies the value. */
  public ConfigLeafProof {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Checks this leaf against {@code root}. */
  public void verify(byte[] root) throws InclusionProofException {
    proof.verify(root, key, value);
  }

  /** The DER encoding. */
  public byte[] toDer() {
    ASN1EncodableVector path = new ASN1EncodableVector();
    proof.auditPath().forEach(h -> path.add(new DEROctetString(h)));
    try {
      return new DERSequence(
              new ASN1Encodable[] {
                new DERUTF8String(key),
                new DEROctetString(value),
                new ASN1Integer(proof.leafIndex()),
                new ASN1Integer(proof.treeSize()),
                new DERSequence(path)
              })
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes the exact DER form above. */
  public static ConfigLeafProof fromDer(byte[] der) throws MalformedExtensionException {
    DerDecoder d = new DerDecoder(RaTlsOids.MERKLE_PROOF);
    ASN1Sequence s = d.sequence(d.parse(der), "ConfigInclusionProof", 5);
    String key = d.utf8(s.getObjectAt(0), "ConfigInclusionProof.key");
    byte[] value = d.octets(s.getObjectAt(1), "ConfigInclusionProof.value", -1);
    long index = d.nonNegativeInt(s.getObjectAt(2), "ConfigInclusionProof.leafIndex", MAX_SIZE);
    long size = d.nonNegativeInt(s.getObjectAt(3), "ConfigInclusionProof.treeSize", MAX_SIZE);
    if (index >= size) {
      throw d.error("ConfigInclusionProof.leafIndex: " + index + " is not below treeSize " + size);
    }
    ASN1Sequence pathSeq = d.sequence(s.getObjectAt(4), "ConfigInclusionProof.auditPath", -1);
    if (pathSeq.size() > MAX_PATH) {
      throw d.error("ConfigInclusionProof.auditPath: " + pathSeq.size() + " elements, at most 32");
    }
    List<byte[]> path = new ArrayList<>(pathSeq.size());
    for (int i = 0; i < pathSeq.size(); i++) {
      path.add(
          d.octets(
              pathSeq.getObjectAt(i),
              "ConfigInclusionProof.auditPath[" + i + "]",
              TreeHasher.HASH_LENGTH));
    }
    return new ConfigLeafProof(key, value, new InclusionProof(index, size, path));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigLeafProof p
        && key.equals(p.key)
        && Arrays.equals(value, p.value)
        && proof.equals(p.proof);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), proof);
  }

  @Override
  public String toString() {
    return "ConfigLeafProof[" + key + ", " + proof + "]";
  }
}
