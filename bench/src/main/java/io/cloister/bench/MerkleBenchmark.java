package io.cloister.bench;

import io.cloister.attestation.merkle.ConfigTree;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Config Merkle tree: building the tree and its root over many leaves, and one inclusion proof. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MerkleBenchmark {

  @Param({"10000"})
  int leaves;

  Map<String, byte[]> entries;
  ConfigTree tree;
  String provenKey;

  @Setup
  public void setUp() {
    entries = new HashMap<>();
    for (int i = 0; i < leaves; i++) {
      // Shaped like real keys: apps/<name>/code-hash with 32-byte values.
      byte[] value = new byte[32];
      value[0] = (byte) i;
      value[1] = (byte) (i >> 8);
      entries.put("apps/app-" + i + "/code-hash", value);
    }
    tree = ConfigTree.of(entries);
    provenKey = "apps/app-" + (leaves / 3) + "/code-hash";
  }

  /** Sorting, hashing every leaf and every node: what a deploy or undeploy costs. */
  @Benchmark
  public byte[] rootOfNewTree() {
    return ConfigTree.of(entries).root();
  }

  /** One inclusion proof from an existing tree. */
  @Benchmark
  public int inclusionProof() {
    return tree.proof(provenKey).auditPath().size();
  }

  /** Verifying that proof against the root, as a client does. */
  @Benchmark
  public boolean verifyProof() throws Exception {
    tree.proof(provenKey).verify(tree.root(), provenKey, entries.get(provenKey));
    return true;
  }
}
