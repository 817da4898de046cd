package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.enclave.client.DeploymentHistory;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.LogTreeHead;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The deployment log of a real enclave process: deploy A, redeploy A, deploy B, undeploy B give
 * four entries whose proofs check in Java and through {@code cloister verify --history}; the log
 * survives a restart; a log edited on the host's disk makes the enclave refuse to start.
 */
class EnclaveHistoryTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void fourChangesAreFourProvenEntriesThatSurviveARestartAndAnEditStopsTheEnclave()
      throws Exception {
    Path data = dir.resolve("data");
    Path hello = FIXTURES.resolve("hello.component.wasm");
    Path echo = FIXTURES.resolve("echo.component.wasm");
    LogTreeHead afterTwo;
    LogTreeHead afterFour;
    byte[] configRoot;
    try (EnclaveProcess enclave = EnclaveProcess.start(data, "enclave.test")) {
      try (EnclaveClient client = enclave.client()) {
        DeployResult first = client.deploy(DeploymentSpec.of("a", "/a", Optional.empty()), hello);
        assertThat(first.logHead().size()).isEqualTo(1);
        afterTwo = client.deploy(DeploymentSpec.of("a", "/a", Optional.empty()), echo).logHead();
        client.deploy(DeploymentSpec.of("b", "/b", Optional.empty()), hello);
        DeployResult last = client.undeploy("b");
        afterFour = last.logHead();
        configRoot = HexFormat.of().parseHex(last.merkleRoot());
      }
      assertThat(afterFour.size()).isEqualTo(4);

      SSLContext tls =
          RaTlsContexts.client(new RaTlsTrustManager(enclave.verifier(), RaTlsExpectations.none()));
      DeploymentHistory history =
          DeploymentHistory.fetch(
              enclave.apps.getRawAuthority(), tls, Optional.empty(), Optional.of(afterTwo),
              configRoot, Duration.ofSeconds(30));
      assertThat(history.head()).isEqualTo(afterFour);
      assertThat(history.entries())
          .extracting(DeploymentLogEntry::action, DeploymentLogEntry::app)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("deploy", "a"),
              org.assertj.core.groups.Tuple.tuple("redeploy", "a"),
              org.assertj.core.groups.Tuple.tuple("deploy", "b"),
              org.assertj.core.groups.Tuple.tuple("undeploy", "b"));
      assertThat(history.entries().get(0).codeHash()).contains(sha256(hello));
      assertThat(history.entries().get(1).codeHash()).contains(sha256(echo));
      assertThat(history.entries().get(3).codeHash()).isEmpty();
      assertThat(history.entries()).allSatisfy(e -> assertThat(e.caller()).matches("token:[0-9a-f]{16}"));
      // The head must be the one the certificate's Merkle root commits to, not just any.
      byte[] otherRoot = configRoot.clone();
      otherRoot[0] ^= 1;
      assertThatThrownBy(
              () ->
                  DeploymentHistory.fetch(
                      enclave.apps.getRawAuthority(), tls, Optional.empty(), Optional.empty(),
                      otherRoot, Duration.ofSeconds(30)))
          .isInstanceOf(DeploymentHistory.HistoryException.class)
          .hasMessageContaining("is not the one the certificate's Config Merkle root");

      Run verified =
          cli("verify", enclave.apps.toString(), "--allow-simulated", "--since", afterTwo.toString());
      assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
      assertThat(verified.out())
          .contains("PASS  history")
          .contains("which the certificate's Merkle root commits to")
          .contains("extends " + afterTwo)
          .contains("#1  ")
          .contains("redeploy a  code " + sha256(echo));
      Run forged =
          cli("verify", enclave.apps.toString(), "--allow-simulated", "--since", "2:" + "ab".repeat(32));
      assertThat(forged.exit()).isEqualTo(1);
      assertThat(forged.out()).contains("FAIL  history").contains("does not extend 2:");
      Run future =
          cli("verify", enclave.apps.toString(), "--allow-simulated", "--since", "9:" + afterFour.root());
      assertThat(future.exit()).isEqualTo(1);
      assertThat(future.out()).contains("FAIL  history");
    }

    try (EnclaveProcess again = EnclaveProcess.start(data, "enclave.test")) {
      SSLContext tls =
          RaTlsContexts.client(new RaTlsTrustManager(again.verifier(), RaTlsExpectations.none()));
      assertThat(
              DeploymentHistory.fetch(
                      again.apps.getRawAuthority(), tls, Optional.empty(), Optional.of(afterFour),
                      configRoot, Duration.ofSeconds(30))
                  .head())
          .isEqualTo(afterFour);
    }

    // The host drops the last entry: the enclave must not serve as if nothing happened.
    Path entries = data.resolve("log").resolve("entries");
    byte[] file = Files.readAllBytes(entries);
    Files.write(entries, java.util.Arrays.copyOf(file, file.length - 40));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.cloister.cli.Main",
                "enclave",
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--manage-port",
                "0"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("refusing to serve").contains("truncated").contains("TRUNCATED");
  }
}
