package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.collateral.CollateralBundle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuoteCommandTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir"), "fixtures", "attestation");
  private static final String QUOTE = FIXTURES.resolve("sgx_quote").toString();
  private static final String COLLATERAL = FIXTURES.resolve("sgx_quote_collateral.json").toString();
  private static final String AT = "2025-07-01T00:00:00Z";

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void defaultPolicyRefusesTheFixtureAndPrintsTheRule() {
    Run r = run("quote", "verify", QUOTE, "--collateral", COLLATERAL, "--at", AT);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb")
        .contains("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
        .contains("TCB status:     ConfigurationAndSWHardeningNeeded")
        .contains("INTEL-SA-00289, INTEL-SA-00615")
        .contains("[policy.tcb-status]");
  }

  @Test
  void acceptedWithThatStatusAllowedAndJsonOutput() throws Exception {
    Run r =
        run(
            "quote",
            "verify",
            QUOTE,
            "--collateral",
            COLLATERAL,
            "--at",
            AT,
            "--json",
            "--accept-status",
            "ConfigurationAndSWHardeningNeeded",
            "--mrenclave",
            "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("accepted").asBoolean()).isTrue();
    assertThat(json.get("isvProdId").asInt()).isZero();
    assertThat(json.get("advisoryIds").toString())
        .isEqualTo("[\"INTEL-SA-00289\",\"INTEL-SA-00615\"]");
    assertThat(json.get("simulated").asBoolean()).isFalse();
  }

  @Test
  void wrongMrEnclaveAndExpiredCollateralAreRefused() {
    Run wrong =
        run(
            "quote",
            "verify",
            QUOTE,
            "--collateral",
            COLLATERAL,
            "--at",
            AT,
            "--accept-status",
            "ConfigurationAndSWHardeningNeeded",
            "--mrenclave",
            "00".repeat(32));
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.out()).contains("[policy.mrenclave]");
    Run expired =
        run("quote", "verify", QUOTE, "--collateral", COLLATERAL, "--at", "2025-08-01T00:00:00Z");
    assertThat(expired.exit()).isEqualTo(1);
    assertThat(expired.out()).containsPattern("\\[(tcbinfo|qeidentity|crl)\\.validity\\]");
  }

  @Test
  void malformedInputExitsWith2(@TempDir Path dir) throws Exception {
    Path truncated = dir.resolve("truncated");
    Files.write(truncated, Arrays.copyOf(Files.readAllBytes(Path.of(QUOTE)), 1000));
    Run r = run("quote", "verify", truncated.toString(), "--collateral", COLLATERAL, "--at", AT);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("[quote.format]").contains("byte offset 432");
    Path badCollateral = Files.writeString(dir.resolve("c.json"), "{\"tcb_info\": 1}");
    assertThat(run("quote", "verify", QUOTE, "--collateral", badCollateral.toString()).exit())
        .isEqualTo(2);
    assertThat(
            run("quote", "verify", dir.resolve("missing").toString(), "--collateral", COLLATERAL)
                .exit())
        .isEqualTo(2);
  }

  @Test
  void simulatedQuoteNeedsTheSimulationRootAndAllowSimulated(@TempDir Path dir) throws Exception {
    SimulationAuthority authority = SimulationAuthority.loadOrCreate(dir.resolve("sim"));
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    byte[] quote = new SimulatedAttester(authority, new byte[32], 0, 0).quote(new byte[64]);
    Path quoteFile = Files.write(dir.resolve("quote"), quote);
    Path bundle =
        Files.write(
            dir.resolve("collateral.json"),
            CollateralBundle.encode(authority.collateral(now, Duration.ofDays(30), Set.of())));
    String root = dir.resolve("sim").resolve("sim-root-ca.pem").toString();
    String at = now.plusSeconds(60).toString();

    Run untrusted =
        run("quote", "verify", quoteFile.toString(), "--collateral", bundle.toString(), "--at", at);
    assertThat(untrusted.exit()).isEqualTo(1);
    assertThat(untrusted.out()).contains("[chain.root]");

    Run refused =
        run(
            "quote",
            "verify",
            quoteFile.toString(),
            "--collateral",
            bundle.toString(),
            "--at",
            at,
            "--simulation-root",
            root);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("WARNING: SIMULATED QUOTE").contains("[policy.simulated]");

    Run allowed =
        run(
            "quote",
            "verify",
            quoteFile.toString(),
            "--collateral",
            bundle.toString(),
            "--at",
            at,
            "--simulation-root",
            root,
            "--allow-simulated");
    assertThat(allowed.exit()).isEqualTo(0);
    assertThat(allowed.out()).contains("WARNING: SIMULATED QUOTE").contains("simulated:      true");
  }
}
