package io.cloister.attestation.merkle;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A proof that the Merkle log of {@code secondSize} leaves extends the one of {@code firstSize}
 * (RFC 9162 §2.1.4): same leaves, in the same order, with more after them.
 */
public final class ConsistencyProof {
  private final long firstSize;
  private final long secondSize;
  private final List<byte[]> path;

  /** A proof from {@code firstSize} to {@code secondSize} with the hashes {@code path}. */
  public ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {
    if (firstSize < 0 || secondSize < firstSize) {
      throw new IllegalArgumentException(
          "sizes must satisfy 0 <= first <= second, got " + firstSize + " and " + secondSize);
    }
    for (byte[] h : path) {
      if (h.length != TreeHasher.HASH_LENGTH) {
        throw new IllegalArgumentException("a proof hash has " + h.length + " bytes, not 32");
      }
    }
    this.firstSize = firstSize;
    this.secondSize = secondSize;
    this.path = path.stream().map(byte[]::clone).toList();
  }

  /** The older size. */
  public long firstSize() {
    return firstSize;
  }

  /** The newer size. */
  public long secondSize() {
    return secondSize;
  }

  /** The proof's hashes (copies). */
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }

  /**
   * Checks that the log with root {@code secondRoot} at {@code secondSize} extends the one with
   * root {@code firstRoot} at {@code firstSize} (RFC 9162 §2.1.4.2).
   *
   * @throws InclusionProofException naming what does not hold
   */
  public void verify(byte[] firstRoot, byte[] secondRoot) throws InclusionProofException {
    if (firstSize == secondSize) {
      if (!path.isEmpty() || !MessageDigest.isEqual(firstRoot, secondRoot)) {
        throw new InclusionProofException(
            "a log of " + firstSize + " leaves has one root, and needs an empty proof");
      }
      return;
    }
    if (firstSize == 0) {
      if (!path.isEmpty()) {
        throw new InclusionProofException("every log extends the empty one: the proof must be empty");
      }
      return;
    }
    if (path.isEmpty()) {
      throw new InclusionProofException(
          "an empty proof cannot show that " + secondSize + " leaves extend " + firstSize);
    }
    List<byte[]> p = new java.util.ArrayList<>(path);
    if (Long.bitCount(firstSize) == 1) {
      p.add(0, firstRoot); // the old tree is a complete subtree: its root starts the path
    }
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = p.get(0);
    byte[] sr = p.get(0);
    for (byte[] c : p.subList(1, p.size())) {
      if (sn == 0) {
        throw new InclusionProofException("the proof has more hashes than the sizes need");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.nodeHash(c, fr);
        sr = TreeHasher.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = TreeHasher.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    HexFormat hex = HexFormat.of();
    if (sn != 0) {
      throw new InclusionProofException("the proof has fewer hashes than the sizes need");
    }
    if (!MessageDigest.isEqual(fr, firstRoot)) {
      throw new InclusionProofException(
          "the proof leads to root " + hex.formatHex(fr) + " for size " + firstSize
              + ", not " + hex.formatHex(firstRoot) + ": the log was rewritten");
    }
    if (!MessageDigest.isEqual(sr, secondRoot)) {
      throw new InclusionProofException(
          "the proof leads to root " + hex.formatHex(sr) + " for size " + secondSize
              + ", not " + hex.formatHex(secondRoot));
    }
  }
}
