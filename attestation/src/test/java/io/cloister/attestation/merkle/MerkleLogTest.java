package io.cloister.attestation.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log against the Certificate Transparency reference vectors (RFC 6962/9162 hashing, as
 * published with the CT and transparency-dev implementations), and every proof of every size up
 * to 40 against the verifiers, tampered ones refused.
 */
class MerkleLogTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> LEAVES =
      List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");
  private static final List<String> ROOTS =
      List.of(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private static MerkleLog reference() {
    MerkleLog log = new MerkleLog();
    LEAVES.forEach(l -> log.append(HEX.parseHex(l)));
    return log;
  }

  private static List<String> hex(List<byte[]> path) {
    return path.stream().map(HEX::formatHex).toList();
  }

  @Test
  void rootsMatchTheReferenceForEverySize() {
    MerkleLog log = reference();
    for (int size = 0; size <= LEAVES.size(); size++) {
      assertThat(HEX.formatHex(log.root(size))).as("size %d", size).isEqualTo(ROOTS.get(size));
    }
  }

  @Test
  void proofsMatchTheReference() throws Exception {
    MerkleLog log = reference();
    assertThat(hex(log.inclusionProof(0, 8).auditPath()))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(log.inclusionProof(5, 8).auditPath()))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(hex(log.consistencyProof(2, 8).path()))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(log.consistencyProof(6, 8).path()))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(hex(log.consistencyProof(2, 5).path()))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    log.consistencyProof(6, 8).verify(log.root(6), log.root(8));
  }

  @Test
  void everyProofOfEverySizeVerifiesAndTamperedOnesDoNot() throws Exception {
    MerkleLog log = new MerkleLog();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] leaf = {(byte) i, (byte) (i * 7)};
      leaves.add(leaf);
      log.append(leaf);
    }
    for (int n = 1; n <= 40; n++) {
      byte[] root = log.root(n);
      for (int i = 0; i < n; i++) {
        InclusionProof p = log.inclusionProof(i, n);
        assertThat(p.rootFromLeafHash(TreeHasher.leafHash(leaves.get(i)))).isEqualTo(root);
        if (n > 1) {
          byte[] other = TreeHasher.leafHash(leaves.get((i + 1) % n));
          assertThat(p.rootFromLeafHash(other)).isNotEqualTo(root);
        }
      }
      for (int m = 0; m <= n; m++) {
        int size = n;
        ConsistencyProof c = log.consistencyProof(m, n);
        c.verify(log.root(m), root);
        if (m > 0 && m < n) {
          byte[] wrongOld = log.root(m - 1);
          assertThatThrownBy(() -> c.verify(wrongOld, root))
              .isInstanceOf(InclusionProofException.class);
          List<byte[]> tampered = new ArrayList<>(c.path());
          tampered.set(0, TreeHasher.leafHash(new byte[] {42}));
          assertThatThrownBy(() -> new ConsistencyProof(c.firstSize(), size, tampered).verify(log.root(c.firstSize()), root))
              .isInstanceOf(InclusionProofException.class);
          List<byte[]> shorter = c.path().subList(0, c.path().size() - 1);
          assertThatThrownBy(() -> new ConsistencyProof(c.firstSize(), size, shorter).verify(log.root(c.firstSize()), root))
              .isInstanceOf(InclusionProofException.class);
        }
      }
    }
  }

  @Test
  void sizesTheLogNeverHadAreRefused() {
    MerkleLog log = reference();
    assertThatThrownBy(() -> log.root(9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(1, 2, List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
