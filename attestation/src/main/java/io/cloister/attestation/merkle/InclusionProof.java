package io.cloister.attestation.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An RFC 9162 inclusion proof: leaf index, tree size and audit path (sibling hashes from the leaf
 * upwards), checked with the §2.1.3.2 algorithm against a root the client already trusts.
 */
public final class InclusionProof {

  private final long leafIndex;
  private final long treeSize;
  private final List<byte[]> auditPath;

  /** A proof; every path element must be 32 bytes. */
  public InclusionProof(long leafIndex, long treeSize, List<byte[]> auditPath) {
    if (leafIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException(
          "leaf index " + leafIndex + " and tree size " + treeSize + " must not be negative");
    }
    List<byte[]> copy = new ArrayList<>(auditPath.size());
    for (int i = 0; i < auditPath.size(); i++) {
      byte[] h = auditPath.get(i);
      if (h.length != TreeHasher.HASH_LENGTH) {
        throw new IllegalArgumentException(
            "audit path element " + i + " is " + h.length + " bytes, expected 32");
      }
      copy.add(h.clone());
    }
    this.leafIndex = leafIndex;
    this.treeSize = treeSize;
    this.auditPath = List.copyOf(copy);
  }

  /** Index of the proven leaf. */
  public long leafIndex() {
    return leafIndex;
  }

  /** Number of leaves in the tree the proof is for. */
  public long treeSize() {
    return treeSize;
  }

  /** The audit path (fresh copies), nearest sibling first. */
  public List<byte[]> auditPath() {
    return auditPath.stream().map(byte[]::clone).toList();
  }

  /**
   * Checks that the leaf {@code key}/{@code value} is in the tree whose root is {@code root}.
   *
   * @throws InclusionProofException if the proof is malformed or leads to another root
   */
  public void verify(byte[] root, String key, byte[] value) throws InclusionProofException {
    byte[] computed = rootFromLeafHash(ConfigLeaf.hash(key, value));
    if (!MessageDigest.isEqual(computed, root)) {
      HexFormat hex = HexFormat.of();
      throw new InclusionProofException(
          "leaf '"
              + key
              + "' at index "
              + leafIndex
              + " of "
              + treeSize
              + " leads to root "
              + hex.formatHex(computed)
              + ", expected "
              + hex.formatHex(root));
    }
  }

  /** The root this proof yields for {@code leafHash}: RFC 9162 §2.1.3.2 steps 1–5. */
  public byte[] rootFromLeafHash(byte[] leafHash) throws InclusionProofException {
    if (leafIndex >= treeSize) {
      throw new InclusionProofException(
          "leaf index " + leafIndex + " is not below tree size " + treeSize);
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : auditPath) {
      if (sn == 0) {
        throw new InclusionProofException(
            "audit path has "
                + auditPath.size()
                + " elements, more than a tree of "
                + treeSize
                + " needs for leaf "
                + leafIndex);
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.nodeHash(p, r);
        // Skip the levels where this subtree is a right edge without a sibling.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = TreeHasher.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new InclusionProofException(
          "audit path has "
              + auditPath.size()
              + " elements, fewer than a tree of "
              + treeSize
              + " needs for leaf "
              + leafIndex);
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InclusionProof p)
        || p.leafIndex != leafIndex
        || p.treeSize != treeSize
        || p.auditPath.size() != auditPath.size()) {
      return false;
    }
    for (int i = 0; i < auditPath.size(); i++) {
      if (!Arrays.equals(auditPath.get(i), p.auditPath.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize);
    for (byte[] node : auditPath) {
      h = h * 31 + Arrays.hashCode(node);
    }
    return h;
  }

  @Override
  public String toString() {
    return "InclusionProof[leaf "
        + leafIndex
        + " of "
        + treeSize
        + ", "
        + auditPath.size()
        + " hashes]";
  }
}
