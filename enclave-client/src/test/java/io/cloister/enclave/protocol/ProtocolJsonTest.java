package io.cloister.enclave.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {
  private static final String HASH = "ab".repeat(32);

  @Test
  void aDeploymentSpecSurvivesTheHeaderRoundTripWithNonAsciiValuesEscaped() throws Exception {
    DeploymentSpec spec =
        new DeploymentSpec(
            "hello",
            "/hello",
            Optional.of("hello.example"),
            Map.of("GREETING", "grüß dich\nzweite Zeile", "A", "1"),
            List.of("wasi:logging/logging"),
            Optional.of("graalwasm"));
    String header = ProtocolJson.text(ProtocolJson.toJson(spec));
    assertThat(header).matches("[\\x20-\\x7e]+"); // fit for an HTTP header: printable ASCII only
    assertThat(ProtocolJson.deploymentSpec(ProtocolJson.parse(header))).isEqualTo(spec);
  }

  @Test
  void aSpecWithoutOptionalMembersGetsEmptyOnes() throws Exception {
    DeploymentSpec spec =
        ProtocolJson.deploymentSpec(ProtocolJson.parse("{\"name\":\"a\",\"routePrefix\":\"/a\"}"));
    assertThat(spec.hostName()).isEmpty();
    assertThat(spec.env()).isEmpty();
    assertThat(spec.capabilities()).isEmpty();
  }

  @Test
  void malformedSpecsAreRefusedNamingThePath() {
    assertThatThrownBy(() -> ProtocolJson.deploymentSpec(ProtocolJson.parse("{\"name\":\"a\"}")))
        .isInstanceOf(ProtocolFormatException.class)
        .hasMessage("$.routePrefix: missing");
    assertThatThrownBy(
            () ->
                ProtocolJson.deploymentSpec(
                    ProtocolJson.parse("{\"name\":1,\"routePrefix\":\"/a\"}")))
        .hasMessageStartingWith("$.name: expected a string");
    assertThatThrownBy(
            () ->
                ProtocolJson.deploymentSpec(
                    ProtocolJson.parse(
                        "{\"name\":\"a\",\"routePrefix\":\"/a\",\"env\":{\"K\":3}}")))
        .hasMessage("$.env.K: expected a string");
    assertThatThrownBy(
            () ->
                ProtocolJson.deploymentSpec(
                    ProtocolJson.parse("{\"name\":\"a\",\"routePrefix\":\"/a\",\"hostname\":\"x\"}")))
        .hasMessageStartingWith("$.hostname: unknown member");
    assertThatThrownBy(() -> ProtocolJson.deploymentSpec(ProtocolJson.parse("[1]")))
        .hasMessage("$: expected an object");
  }

  @Test
  void limitsRoundTripAndOutOfRangeOnesAreRefusedByName() throws Exception {
    DeploymentSpec spec =
        DeploymentSpec.of("a", "/a", java.util.Optional.empty())
            .withLimits(
                new AppLimitsSpec(
                    java.util.Optional.of(1500L),
                    java.util.Optional.of(16L << 20),
                    java.util.Optional.empty(),
                    java.util.Optional.of(4)));
    String text = ProtocolJson.text(ProtocolJson.toJson(spec));
    assertThat(text).contains("\"limits\":{\"deadlineMs\":1500,\"maxMemoryBytes\":16777216,\"maxConcurrentRequests\":4}");
    assertThat(ProtocolJson.deploymentSpec(ProtocolJson.parse(text))).isEqualTo(spec);
    assertThat(ProtocolJson.text(ProtocolJson.toJson(DeploymentSpec.of("a", "/a", java.util.Optional.empty()))))
        .doesNotContain("limits");

    assertThatThrownBy(
            () ->
                ProtocolJson.deploymentSpec(
                    ProtocolJson.parse("{\"name\":\"a\",\"routePrefix\":\"/a\",\"limits\":{\"deadline\":1}}")))
        .isInstanceOf(ProtocolFormatException.class)
        .hasMessageContaining("$.limits.deadline");
    assertThatThrownBy(
            () ->
                ProtocolJson.deploymentSpec(
                    ProtocolJson.parse("{\"name\":\"a\",\"routePrefix\":\"/a\",\"limits\":{\"deadlineMs\":\"1s\"}}")))
        .hasMessageContaining("$.limits.deadlineMs");
    DeploymentSpec zero =
        spec.withLimits(
            new AppLimitsSpec(
                java.util.Optional.of(0L),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty()));
    assertThatThrownBy(zero::validate)
        .isInstanceOf(InvalidDeploymentException.class)
        .hasMessageContaining("out of range");
    DeploymentSpec tooMany =
        spec.withLimits(
            new AppLimitsSpec(
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.of(AppLimitsSpec.MAX_CONCURRENT + 1)));
    assertThatThrownBy(tooMany::validate).isInstanceOf(InvalidDeploymentException.class);
  }

  @Test
  void truncatedDeepAndOversizedJsonIsRefused() {
    assertThatThrownBy(() -> ProtocolJson.parse("{\"name\":\"a\""))
        .isInstanceOf(ProtocolFormatException.class)
        .hasMessageStartingWith("$: not JSON");
    assertThatThrownBy(() -> ProtocolJson.parse("[".repeat(1000) + "]".repeat(1000)))
        .isInstanceOf(ProtocolFormatException.class)
        .hasMessageContaining("nesting");
    assertThatThrownBy(() -> ProtocolJson.parse(new byte[ProtocolJson.MAX_MESSAGE_BYTES + 1]))
        .isInstanceOf(ProtocolFormatException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> ProtocolJson.parse(""))
        .isInstanceOf(ProtocolFormatException.class);
  }

  @Test
  void answersRoundTrip() throws Exception {
    AppStatus app =
        new AppStatus(
            "hello",
            "/hello",
            Optional.of("hello.localhost"),
            HASH,
            List.of("wasi:random/random"),
            "component",
            1234,
            Instant.parse("2026-12-04T05:00:00Z"),
            "http",
            "cd".repeat(32));
    DeployResult deploy = new DeployResult(app, true, "01".repeat(32), "02".repeat(32), Map.of("hello.localhost", "03".repeat(32)), new LogTreeHead(2, "04".repeat(32)));
    assertThat(ProtocolJson.deployResult(ProtocolJson.parse(ProtocolJson.text(ProtocolJson.toJson(deploy)))))
        .isEqualTo(deploy);
    DeployResult undeploy = new DeployResult(null, true, "01".repeat(32), "02".repeat(32), Map.of(), new LogTreeHead(3, "05".repeat(32)));
    assertThat(ProtocolJson.deployResult(ProtocolJson.toJson(undeploy))).isEqualTo(undeploy);
    assertThat(ProtocolJson.apps(ProtocolJson.appsToJson(List.of(app, app)))).containsExactly(app, app);
    EnclaveInfo info =
        new EnclaveInfo(
            "localhost", "simulated", true, HASH, HASH, HASH, HASH, Map.of(), Instant.EPOCH, 2, "0.1.0");
    assertThat(ProtocolJson.enclaveInfo(ProtocolJson.toJson(info))).isEqualTo(info);
    LogEntry line = new LogEntry(7, Instant.EPOCH, "hello", "info", "stdout", "hi \"there\"");
    assertThat(ProtocolJson.logEntry(ProtocolJson.toJson(line))).isEqualTo(line);
    Problem p = Problem.of("conflict", "Conflict", 409, "held").withField("routePrefix");
    assertThat(ProtocolJson.problem(ProtocolJson.toJson(p))).isEqualTo(p);
  }

  @Test
  void anAnswerWithAWrongTypeIsRefusedNamingThePath() {
    assertThatThrownBy(
            () ->
                ProtocolJson.apps(
                    ProtocolJson.parse("{\"apps\":[{\"name\":\"a\",\"routePrefix\":\"/a\",\"codeHash\":\"x\",\"artifactKind\":\"component\",\"artifactSize\":\"big\"}]}")))
        .hasMessageStartingWith("$.apps[0].artifactSize: expected an integer");
  }
}
