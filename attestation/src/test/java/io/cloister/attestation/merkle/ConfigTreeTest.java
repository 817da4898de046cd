package io.cloister.attestation.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void emptyTreeRootIsSha256OfEmptyString() {
    assertThat(HEX.formatHex(ConfigTree.of(Map.of()).root()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void leafIsLengthPrefixedKeyAndValueHash() {
    byte[] leaf = ConfigLeaf.encode("ab", new byte[0]);
    assertThat(HEX.formatHex(leaf))
        .isEqualTo(
            "00000002"
                + "6162"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void leavesAreSortedByUtf8BytesNotByJavaCharOrder() {
    // U+FF5E sorts before U+1F600 as a Java char (surrogate 0xD83D) but after it in UTF-8 bytes.
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("k\uFF5E", new byte[] {1});
    entries.put("k\uD83D\uDE00", new byte[] {2});
    entries.put("a", new byte[] {3});
    ConfigTree tree = ConfigTree.of(entries);
    assertThat(tree.keys()).containsExactly("a", "k\uFF5E", "k\uD83D\uDE00");
    assertThat(tree.indexOf("k\uD83D\uDE00")).isEqualTo(2);
  }

  @Test
  void rootFollowsRfc9162SplitForFiveLeaves() {
    Map<String, byte[]> entries = new TreeMap<>();
    for (int i = 0; i < 5; i++) {
      entries.put("k" + i, new byte[] {(byte) i});
    }
    byte[][] l = new byte[5][];
    for (int i = 0; i < 5; i++) {
      l[i] = ConfigLeaf.hash("k" + i, new byte[] {(byte) i});
    }
    // n=5: k=4 → (((l0 l1)(l2 l3)) l4)
    byte[] expected =
        TreeHasher.nodeHash(
            TreeHasher.nodeHash(TreeHasher.nodeHash(l[0], l[1]), TreeHasher.nodeHash(l[2], l[3])),
            l[4]);
    assertThat(ConfigTree.of(entries).root()).isEqualTo(expected);
  }

  @Test
  void rootIgnoresInsertionOrderButNotValues() {
    Map<String, byte[]> a = new LinkedHashMap<>();
    a.put("x", bytes("1"));
    a.put("y", bytes("2"));
    Map<String, byte[]> b = new LinkedHashMap<>();
    b.put("y", bytes("2"));
    b.put("x", bytes("1"));
    assertThat(ConfigTree.of(a).root()).isEqualTo(ConfigTree.of(b).root());
    b.put("x", bytes("3"));
    assertThat(ConfigTree.of(a).root()).isNotEqualTo(ConfigTree.of(b).root());
  }

  @Test
  void treeDoesNotShareCallerArrays() {
    byte[] value = bytes("v");
    Map<String, byte[]> entries = new TreeMap<>(Map.of("k", value));
    ConfigTree tree = ConfigTree.of(entries);
    byte[] before = tree.root();
    value[0] = 'w';
    tree.root()[0] ^= 1;
    assertThat(tree.root()).isEqualTo(before);
    assertThat(tree.value("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
  }

  @Test
  void everyProofOfEveryTreeUpToFortyLeavesVerifies() throws Exception {
    for (int n = 1; n <= 40; n++) {
      Map<String, byte[]> entries = entries(n);
      ConfigTree tree = ConfigTree.of(entries);
      for (String key : tree.keys()) {
        InclusionProof proof = tree.proof(key);
        assertThat(proof.treeSize()).isEqualTo(n);
        assertThat(proof.auditPath())
            .hasSizeLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n));
        proof.verify(tree.root(), key, entries.get(key));
      }
    }
  }

  @Test
  void proofRejectsAnotherValueAnotherKeyAndAnotherRoot() {
    Map<String, byte[]> entries = entries(7);
    ConfigTree tree = ConfigTree.of(entries);
    InclusionProof proof = tree.proof("key-03");
    assertThatThrownBy(() -> proof.verify(tree.root(), "key-03", bytes("other")))
        .isInstanceOf(InclusionProofException.class)
        .hasMessageContaining("leaf 'key-03' at index 3 of 7 leads to root");
    assertThatThrownBy(() -> proof.verify(tree.root(), "key-04", entries.get("key-04")))
        .isInstanceOf(InclusionProofException.class);
    assertThatThrownBy(
            () -> proof.verify(ConfigTree.of(entries(8)).root(), "key-03", entries.get("key-03")))
        .isInstanceOf(InclusionProofException.class);
  }

  @Test
  void proofRejectsTamperedPathWrongIndexAndWrongSize() {
    Map<String, byte[]> entries = entries(11);
    ConfigTree tree = ConfigTree.of(entries);
    InclusionProof good = tree.proof("key-05");
    byte[] value = entries.get("key-05");

    List<byte[]> tampered = new ArrayList<>(good.auditPath());
    tampered.get(1)[0] ^= 1;
    assertThatThrownBy(
            () -> new InclusionProof(5, 11, tampered).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class);
    // RFC 9162 proofs do not authenticate the tree size on their own: index 5 of 12 has the same
    // path shape as index 5 of 11, so only sizes with another shape can be refused.
    assertThatThrownBy(
            () -> new InclusionProof(4, 11, good.auditPath()).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class);
    assertThatThrownBy(
            () -> new InclusionProof(5, 7, good.auditPath()).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class);
    assertThatThrownBy(
            () -> new InclusionProof(11, 11, good.auditPath()).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class)
        .hasMessage("leaf index 11 is not below tree size 11");

    List<byte[]> shorter = good.auditPath().subList(0, good.auditPath().size() - 1);
    assertThatThrownBy(
            () -> new InclusionProof(5, 11, shorter).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class)
        .hasMessageContaining("fewer than a tree of 11 needs");
    List<byte[]> longer = new ArrayList<>(good.auditPath());
    longer.add(new byte[32]);
    assertThatThrownBy(() -> new InclusionProof(5, 11, longer).verify(tree.root(), "key-05", value))
        .isInstanceOf(InclusionProofException.class)
        .hasMessageContaining("more than a tree of 11 needs");
  }

  @Test
  void malformedInputsAreRefused() {
    assertThatThrownBy(() -> new InclusionProof(0, 1, List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("audit path element 0 is 31 bytes, expected 32");
    assertThatThrownBy(() -> ConfigTree.of(Map.of("", new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfigTree.of(entries(3)).proof("missing"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> ConfigKeys.appCodeHash("Bad/Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, byte[]> entries(int n) {
    Map<String, byte[]> entries = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      entries.put(String.format("key-%02d", i), bytes("value " + i));
    }
    return entries;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
