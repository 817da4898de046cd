package io.cloister.attestation.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle log as RFC 9162 §2.1 defines it: leaves are only ever added at the end;
 * the tree head of any size it has had (its root), an inclusion proof of any leaf in any such
 * tree (§2.1.3.1) and a consistency proof between any two sizes (§2.1.4.1) can be computed.
 * Thread-safe.
 */
public final class MerkleLog {
  private final List<byte[]> leafHashes = new ArrayList<>();

  /** An empty log. */
  public MerkleLog() {}

  /** Appends the leaf {@code data} (hashed as RFC 9162 leaves are); returns its index. */
  public synchronized long append(byte[] data) {
    leafHashes.add(TreeHasher.leafHash(data));
    return leafHashes.size() - 1;
  }

  /** The number of leaves. */
  public synchronized long size() {
    return leafHashes.size();
  }

  /** The root of the whole log. */
  public synchronized byte[] root() {
    return root(leafHashes.size());
  }

  /**
   * The root of the log as it was at {@code size} leaves (MTH of its first {@code size} leaves).
   *
   * @throws IllegalArgumentException if the log never had that size
   */
  public synchronized byte[] root(long size) {
    checkSize(size);
    return size == 0 ? TreeHasher.emptyRoot() : mth(0, (int) size);
  }

  /**
   * The inclusion proof of leaf {@code index} in the log of {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= size()}
   */
  public synchronized InclusionProof inclusionProof(long index, long size) {
    checkSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a log of " + size);
    }
    List<byte[]> path = new ArrayList<>();
    path((int) index, 0, (int) size, path);
    return new InclusionProof(index, size, path);
  }

  /**
   * The consistency proof that the log of {@code second} leaves extends the one of {@code first}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second <= size()}
   */
  public synchronized ConsistencyProof consistencyProof(long first, long second) {
    checkSize(second);
    if (first < 0 || first > second) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + first + " to size " + second);
    }
    List<byte[]> path = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof((int) first, 0, (int) second, true, path);
    }
    return new ConsistencyProof(first, second, path);
  }

  private void checkSize(long size) {
    if (size < 0 || size > leafHashes.size()) {
      throw new IllegalArgumentException(
          "the log has " + leafHashes.size() + " leaves, never " + size);
    }
  }

  /** MTH(D[lo:hi]) for a non-empty range. */
  private byte[] mth(int lo, int hi) {
    if (hi - lo == 1) {
      return leafHashes.get(lo);
    }
    int k = split(hi - lo);
    return TreeHasher.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  }

  /** PATH(m, D[lo:hi]), m relative to lo (§2.1.3.1). */
  private void path(int m, int lo, int hi, List<byte[]> out) {
    if (hi - lo == 1) {
      return;
    }
    int k = split(hi - lo);
    if (m < k) {
      path(m, lo, lo + k, out);
      out.add(mth(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, out);
      out.add(mth(lo, lo + k));
    }
  }

  /** SUBPROOF(m, D[lo:hi], b) (§2.1.4.1). */
  private void subproof(int m, int lo, int hi, boolean whole, List<byte[]> out) {
    int n = hi - lo;
    if (m == n) {
      if (!whole) {
        out.add(mth(lo, hi));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, out);
      out.add(mth(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(mth(lo, lo + k));
    }
  }

  /** The largest power of two smaller than {@code n} (n > 1). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
