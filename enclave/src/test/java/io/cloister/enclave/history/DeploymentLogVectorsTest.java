package io.cloister.enclave.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.merkle.MerkleLog;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of docs/attestation.md ("Deployment log"): four entries, their exact leaves,
 * the tree heads and two proofs, so that another implementation can check itself against ours.
 * If this test fails, the documented vectors are wrong or the encoding changed.
 */
class DeploymentLogVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String CALLER = "token:0011223344556677";
  private static final String CAPS = "wasi:http/incoming-handler";

  static List<DeploymentLogEntry> entries() {
    Instant t = Instant.parse("2026-12-04T12:00:00Z");
    String hashA = "0c6cfd00e3005b06f69f2b2394554a7503fd6066e4c518f1a3583e67880f360b";
    String hashA2 = "a10c0b74d0768a73427a28fd45f0a95d5f9d27a97dc6584f3d2a193c0760ab7c";
    return List.of(
        new DeploymentLogEntry(0, t, "deploy", "a", Optional.of(hashA), Optional.of("/a"),
            Optional.of("a.localhost"), List.of(CAPS), CALLER),
        new DeploymentLogEntry(1, t.plusSeconds(60), "redeploy", "a", Optional.of(hashA2),
            Optional.of("/a"), Optional.of("a.localhost"), List.of(CAPS), CALLER),
        new DeploymentLogEntry(2, t.plusSeconds(120), "deploy", "b", Optional.of(hashA),
            Optional.of("/b"), Optional.of("b.localhost"), List.of(CAPS), CALLER),
        DeploymentLogEntry.undeploy(3, t.plusSeconds(180), "b", CALLER));
  }

  @Test
  void theDocumentedVectorsHold() throws Exception {
    MerkleLog log = new MerkleLog();
    StringBuilder printed = new StringBuilder();
    for (DeploymentLogEntry e : entries()) {
      log.append(e.leaf());
      printed.append(new String(e.leaf(), StandardCharsets.UTF_8)).append('\n');
      printed.append("root ").append(log.size()).append(' ').append(HEX.formatHex(log.root())).append('\n');
    }
    printed.append("inclusion 1 in 4:");
    log.inclusionProof(1, 4).auditPath().forEach(h -> printed.append(' ').append(HEX.formatHex(h)));
    printed.append("\nconsistency 2 to 4:");
    log.consistencyProof(2, 4).path().forEach(h -> printed.append(' ').append(HEX.formatHex(h)));
    assertThat(printed.toString()).isEqualTo(EXPECTED);
  }

  static final String EXPECTED =
      """
      {"index":0,"time":"2026-12-04T12:00:00Z","action":"deploy","app":"a","codeHash":"0c6cfd00e3005b06f69f2b2394554a7503fd6066e4c518f1a3583e67880f360b","routePrefix":"/a","hostName":"a.localhost","capabilities":["wasi:http/incoming-handler"],"caller":"token:0011223344556677"}
      root 1 e3f4abd644742733e24a895a818075548de88d20a3cd685e743b7cff4add2ee8
      {"index":1,"time":"2026-12-04T12:01:00Z","action":"redeploy","app":"a","codeHash":"a10c0b74d0768a73427a28fd45f0a95d5f9d27a97dc6584f3d2a193c0760ab7c","routePrefix":"/a","hostName":"a.localhost","capabilities":["wasi:http/incoming-handler"],"caller":"token:0011223344556677"}
      root 2 59ac478c76706c169f663971b9c3f51ee5feab9ff7f755a965e52f9a7333f7b8
      {"index":2,"time":"2026-12-04T12:02:00Z","action":"deploy","app":"b","codeHash":"0c6cfd00e3005b06f69f2b2394554a7503fd6066e4c518f1a3583e67880f360b","routePrefix":"/b","hostName":"b.localhost","capabilities":["wasi:http/incoming-handler"],"caller":"token:0011223344556677"}
      root 3 45a6161e969225ac173de94c55b0617e8e2bb334ab9498e2fdd90c935d4cd297
      {"index":3,"time":"2026-12-04T12:03:00Z","action":"undeploy","app":"b","capabilities":[],"caller":"token:0011223344556677"}
      root 4 bd921df1880f007199b30d0ca874071a7900b5ea4017eaad86108deda1052ddb
      inclusion 1 in 4: e3f4abd644742733e24a895a818075548de88d20a3cd685e743b7cff4add2ee8 8d70f08924687bdf9c9ecf43ccc8e55a226b06ff530ef0ec933d562fe18fcb4f
      consistency 2 to 4: 8d70f08924687bdf9c9ecf43ccc8e55a226b06ff530ef0ec933d562fe18fcb4f""";
}
