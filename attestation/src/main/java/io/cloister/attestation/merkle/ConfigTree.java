package io.cloister.attestation.merkle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An immutable Config Merkle tree: leaves are {@link ConfigLeaf key/value leaves} sorted by the
 * UTF-8 bytes of their keys (unsigned, bytewise), hashed as RFC 9162 §2.1 prescribes.
 */
public final class ConfigTree {

  private final List<String> keys;
  private final List<byte[]> values;

  /**
   * levels[h][i] is the hash of the complete subtree of 2^h leaves starting at leaf i·2^h; every
   * other subtree RFC 9162 needs lies on the right edge and is combined from these on demand, so
   * the root and each proof cost O(log² n) hashes after the O(n) build.
   */
  private final List<byte[][]> levels;

  private final byte[] root;

  private ConfigTree(List<String> keys, List<byte[]> values) {
    this.keys = List.copyOf(keys);
    this.values = values;
    // One digest for the whole build: looking up a provider per hash costs more than hashing.
    MessageDigest md = TreeHasher.newDigest();
    byte[][] leafHashes = new byte[keys.size()][];
    for (int i = 0; i < leafHashes.length; i++) {
      leafHashes[i] = ConfigLeaf.hash(md, keys.get(i), values.get(i));
    }
    this.levels = new ArrayList<>();
    levels.add(leafHashes);
    for (byte[][] below = leafHashes; below.length > 1; ) {
      byte[][] above = new byte[below.length / 2][];
      for (int i = 0; i < above.length; i++) {
        above[i] = TreeHasher.nodeHash(md, below[2 * i], below[2 * i + 1]);
      }
      levels.add(above);
      below = above;
    }
    this.root = leafHashes.length == 0 ? TreeHasher.emptyRoot() : subtreeHash(0, leafHashes.length);
  }

  /** A tree over every entry of {@code entries}; the map's own order is ignored. */
  public static ConfigTree of(Map<String, byte[]> entries) {
    record Entry(byte[] utf8, String key, byte[] value) {}
    List<Entry> sorted = new ArrayList<>(entries.size());
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().isEmpty()) {
        throw new IllegalArgumentException("a Config Merkle tree key must not be empty");
      }
      sorted.add(
          new Entry(e.getKey().getBytes(StandardCharsets.UTF_8), e.getKey(), e.getValue().clone()));
    }
    // Encode each key once, not once per comparison.
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.utf8(), b.utf8()));
    return new ConfigTree(
        sorted.stream().map(Entry::key).toList(), sorted.stream().map(Entry::value).toList());
  }

  /** Bytewise comparison of the UTF-8 encodings, bytes taken as unsigned. */
  public static int compareKeys(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The Merkle tree hash of all leaves (a fresh copy). */
  public byte[] root() {
    return root.clone();
  }

  /** Number of leaves. */
  public int size() {
    return keys.size();
  }

  /** The keys in leaf order. */
  public List<String> keys() {
    return keys;
  }

  /** The value stored under {@code key}, if any (a fresh copy). */
  public Optional<byte[]> value(String key) {
    int index = indexOf(key);
    return index < 0 ? Optional.empty() : Optional.of(values.get(index).clone());
  }

  /** The leaf index of {@code key}, or -1. */
  public int indexOf(String key) {
    int index = Collections.binarySearch(keys, key, ConfigTree::compareKeys);
    return index >= 0 ? index : -1;
  }

  /** The inclusion proof of the leaf stored under {@code key} (RFC 9162 §2.1.3.1). */
  public InclusionProof proof(String key) {
    int index = indexOf(key);
    if (index < 0) {
      throw new NoSuchElementException("no leaf with key '" + key + "' in the Config Merkle tree");
    }
    List<byte[]> path = new ArrayList<>();
    auditPath(index, 0, size(), path);
    return new InclusionProof(index, size(), path);
  }

  /** PATH(m, D[lo:hi]): the sibling hashes from the leaf up to the subtree's root. */
  private void auditPath(int m, int lo, int hi, List<byte[]> out) {
    int n = hi - lo;
    if (n <= 1) {
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      auditPath(m, lo, lo + k, out);
      out.add(subtreeHash(lo + k, hi));
    } else {
      auditPath(m - k, lo + k, hi, out);
      out.add(subtreeHash(lo, lo + k));
    }
  }

  /** MTH(D[lo:hi]) for a non-empty range. */
  private byte[] subtreeHash(int lo, int hi) {
    int n = hi - lo;
    if (Integer.bitCount(n) == 1 && lo % n == 0) {
      return levels.get(Integer.numberOfTrailingZeros(n))[lo / n];
    }
    int k = largestPowerOfTwoBelow(n);
    return TreeHasher.nodeHash(subtreeHash(lo, lo + k), subtreeHash(lo + k, hi));
  }

  /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
  static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
