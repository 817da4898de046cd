package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsExtensions;
import io.cloister.attestation.ratls.RaTlsReport;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveRequestException;
import io.cloister.enclave.protocol.AppLimitsSpec;
import io.cloister.enclave.protocol.AppStatus;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.EnclaveInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The enclave end to end, against a real {@code cloister enclave} process: two apps deployed
 * through {@link EnclaveClient} and through the CLI, called over HTTPS by prefix and by host name,
 * each app's certificate read by SNI and verified; a redeploy while a request is in flight; a
 * restart; an undeploy; and the management API's refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnclaveEndToEndTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  EnclaveProcess enclave;
  RaTlsVerifier verifier;
  EnclaveClient client;
  String rootAfterDeploys;
  Map<String, String> hashes = new java.util.HashMap<>();

  @BeforeAll
  void start() throws Exception {
    enclave = EnclaveProcess.start(dir.resolve("data"), "enclave.test");
    verifier = enclave.verifier();
    client = connect();
  }

  @AfterAll
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (enclave != null) {
      enclave.close();
    }
  }

  private EnclaveClient connect() throws Exception {
    return EnclaveClient.connect(
        enclave.manage,
        EnclaveClient.readToken(enclave.tokenFile()),
        verifier,
        RaTlsExpectations.none().withMrEnclave(HexFormat.of().parseHex(enclave.mrEnclave)),
        Duration.ofSeconds(30));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** No collateral and no root given: the CLI appraises with what the enclave offers. */
  private String[] connection() throws Exception {
    return new String[] {
      "--enclave", enclave.manage.toString(),
      "--token-file", enclave.tokenFile().toString(),
      "--allow-simulated"
    };
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  @Order(1)
  void twoAppsAreDeployedThroughTheClientAndTheCli() throws Exception {
    Path hello = FIXTURES.resolve("hello.component.wasm");
    DeployResult first =
        client.deploy(DeploymentSpec.of("hello", "/hello", Optional.of("hello.test")), hello);
    assertThat(first.redeploy()).isFalse();
    assertThat(first.app().codeHash()).isEqualTo(sha256(hello));
    assertThat(first.app().serving()).isEqualTo("http");
    hashes.put("hello", first.app().codeHash());

    Path echo = FIXTURES.resolve("echo.component.wasm");
    Run run =
        cli(
            concat(
                concat(new String[] {"enclave", "deploy", echo.toString()}, connection()),
                "--name", "echo", "--route-prefix", "/echo", "--host-name", "echo.test", "--json"));
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.path("app").path("codeHash").asText()).isEqualTo(sha256(echo));
    assertThat(answer.path("merkleRoot").asText()).isNotEqualTo(first.merkleRoot());
    hashes.put("echo", sha256(echo));
    rootAfterDeploys = answer.path("merkleRoot").asText();

    assertThat(client.apps()).extracting(AppStatus::name).containsExactlyInAnyOrder("hello", "echo");
    EnclaveInfo info = client.info();
    assertThat(info.merkleRoot()).isEqualTo(rootAfterDeploys);
    assertThat(info.simulated()).isTrue();
    assertThat(info.mrEnclave()).isEqualTo(enclave.mrEnclave);
  }

  @Test
  @Order(2)
  void bothAppsAnswerByPrefixAndByHostName() throws Exception {
    assertThat(get(Optional.empty(), "127.0.0.1", "/hello/")).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
    assertThat(get(Optional.of("hello.test"), "hello.test", "/")).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
    String echoed = post(Optional.empty(), "127.0.0.1", "/echo/some/path?q=1", "ping".getBytes());
    assertThat(echoed).startsWith("HTTP/1.1 200").endsWith("ping");
    assertThat(echoed.toLowerCase()).contains("x-echo-path: /some/path?q=1");
    assertThat(get(Optional.empty(), "127.0.0.1", "/nothing-here")).startsWith("HTTP/1.1 404");
  }

  @Test
  @Order(3)
  void eachAppsCertificateCarriesItsOwnIdentityAndTheCurrentRoot() throws Exception {
    for (String app : List.of("hello", "echo")) {
      X509Certificate cert = certificate(app + ".test");
      RaTlsReport report =
          verifier.verify(
              List.of(cert),
              RaTlsExpectations.none()
                  .withAppName(app)
                  .withRoutePrefix("/" + app)
                  .withCodeHash(HexFormat.of().parseHex(hashes.get(app)))
                  .withMrEnclave(HexFormat.of().parseHex(enclave.mrEnclave)));
      assertThat(report.passed()).as(report.failureSummary()).isTrue();
      assertThat(HexFormat.of().formatHex(RaTlsExtensions.read(cert).merkleRoot()))
          .isEqualTo(rootAfterDeploys);
      // and it is not the other app's identity
      String other = app.equals("hello") ? "echo" : "hello";
      assertThat(verifier.verify(List.of(cert), RaTlsExpectations.none().withAppName(other)).passed())
          .isFalse();
    }
  }

  @Test
  @Order(4)
  void aRedeployReachesNewHandshakesWhileARequestInFlightFinishes() throws Exception {
    String before = fingerprint(certificate("echo.test"));
    // A request whose body is still coming when the redeploy happens.
    SSLSocket slow = open(Optional.empty());
    OutputStream out = slow.getOutputStream();
    out.write(
        ("POST /echo/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\nConnection: close\r\n\r\nfirst")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Thread.sleep(300);
    Path headers = FIXTURES.resolve("headers.component.wasm");
    DeployResult redeploy =
        client.deploy(DeploymentSpec.of("echo", "/echo", Optional.of("echo.test")), headers);
    assertThat(redeploy.redeploy()).isTrue();
    assertThat(redeploy.app().codeHash()).isEqualTo(sha256(headers));
    out.write("-half".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String inFlight = readResponse(slow.getInputStream());
    slow.close();
    assertThat(inFlight).startsWith("HTTP/1.1 200").endsWith("first-half");

    X509Certificate after = certificate("echo.test");
    assertThat(fingerprint(after)).isNotEqualTo(before).isEqualTo(redeploy.app().certificateFingerprint());
    assertThat(get(Optional.empty(), "127.0.0.1", "/echo/")).contains("x-fixture: headers");
    hashes.put("echo", redeploy.app().codeHash());
    rootAfterDeploys = redeploy.merkleRoot();
  }

  @Test
  @Order(5)
  void aRestartBringsBothAppsBackWithTheSameHashesAndRoot() throws Exception {
    client.close();
    // SIGTERM: the JVM runs the enclave's stop and exits with 128 + 15
    EnclaveProcess stopped = enclave;
    assertThat(stopped.stop()).isEqualTo(143);
    assertThat(stopped.output())
        .as(String.join("\n", stopped.output()))
        .anyMatch(l -> l.startsWith("stopping: requests in flight get up to"));
    enclave = EnclaveProcess.start(dir.resolve("data"), "enclave.test");
    client = connect();
    assertThat(client.apps())
        .extracting(AppStatus::name, AppStatus::codeHash)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("hello", hashes.get("hello")),
            org.assertj.core.groups.Tuple.tuple("echo", hashes.get("echo")));
    assertThat(client.info().merkleRoot()).isEqualTo(rootAfterDeploys);
    assertThat(get(Optional.of("hello.test"), "hello.test", "/")).endsWith("Hello, world!\n");
  }

  @Test
  @Order(6)
  void anUndeployedAppAnswers404AndTheRootChanges() throws Exception {
    Run run = cli(concat(concat(new String[] {"enclave", "undeploy", "hello"}, connection()), "--json"));
    assertThat(run.exit()).as(run.err()).isZero();
    String root = JSON.readTree(run.out()).path("merkleRoot").asText();
    assertThat(root).isNotEqualTo(rootAfterDeploys);
    assertThat(get(Optional.empty(), "127.0.0.1", "/hello/")).startsWith("HTTP/1.1 404");
    assertThat(client.apps()).extracting(AppStatus::name).containsExactly("echo");
    assertThatThrownBy(() -> client.app("hello"))
        .isInstanceOf(EnclaveRequestException.class)
        .satisfies(e -> assertThat(((EnclaveRequestException) e).status()).isEqualTo(404));
  }

  @Test
  @Order(7)
  void badDeploymentsAreRefusedWithTheFieldAtFaultAndNothingChanges() throws Exception {
    String root = client.info().merkleRoot();
    Path hello = FIXTURES.resolve("hello.component.wasm");
    assertThatThrownBy(() -> client.deploy(DeploymentSpec.of("other", "/echo", Optional.empty()), hello))
        .isInstanceOf(EnclaveRequestException.class)
        .hasMessageContaining("held by the app 'echo'");
    assertThatThrownBy(() -> client.deploy(DeploymentSpec.of("other", "/metrics", Optional.empty()), hello))
        .hasMessageContaining("reserved");
    assertThatThrownBy(
            () ->
                client.deploy(
                    DeploymentSpec.of("big", "/big", Optional.empty())
                        .withLimits(
                            new AppLimitsSpec(
                                Optional.empty(), Optional.of(1L << 40), Optional.empty(), Optional.empty())),
                    hello))
        .hasMessageContaining("more than this enclave allows")
        .satisfies(
            e ->
                assertThat(((EnclaveRequestException) e).problem().field())
                    .isEqualTo("limits.maxMemoryBytes"));
    Path core = dir.resolve("core.wasm");
    Files.write(core, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    assertThatThrownBy(() -> client.deploy(DeploymentSpec.of("core", "/core", Optional.empty()), core))
        .hasMessageContaining("a core module, not a component");
    Path elf = dir.resolve("wasmtime.cwasm");
    Files.write(elf, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    assertThatThrownBy(() -> client.deploy(DeploymentSpec.of("elf", "/elf", Optional.empty()), elf))
        .hasMessageContaining("ELF");
    assertThat(client.info().merkleRoot()).isEqualTo(root);
    assertThat(client.apps()).extracting(AppStatus::name).containsExactly("echo");
  }

  @Test
  @Order(8)
  void anUnauthenticatedDeployIsRefusedBeforeItsBodyIsRead() throws Exception {
    for (String auth : List.of("", "Authorization: Bearer wrong-token-wrong-token-wrong-token\r\n")) {
      long body = 64L << 20;
      SSLSocket s = open(enclave.manage.getPort());
      OutputStream out = s.getOutputStream();
      out.write(
          ("PUT /v1/apps/big HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Type: application/octet-stream\r\nContent-Length: "
                  + body
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<String> answer =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return "read failed: " + e;
                }
              });
      long sent = 0;
      byte[] chunk = new byte[64 * 1024];
      try {
        while (sent < body) {
          out.write(chunk);
          sent += chunk.length;
        }
      } catch (IOException closedByTheEnclave) {
        // expected: the enclave closed the connection
      }
      String text = answer.get(30, TimeUnit.SECONDS);
      s.close();
      assertThat(text).startsWith("HTTP/1.1 401").contains("unauthenticated");
      // What the socket buffers took before the close, never the 64 MiB body.
      assertThat(sent).as("bytes the client got to send").isLessThan(16L << 20);
    }
  }

  // --- HTTPS helpers: every connection verifies the enclave's RA-TLS certificate

  private SSLContext context() {
    return RaTlsContexts.client(new RaTlsTrustManager(verifier, RaTlsExpectations.none()));
  }

  private SSLSocket open(Optional<String> sni) throws IOException {
    return open(enclave.apps.getPort(), sni);
  }

  private SSLSocket open(int port) throws IOException {
    return open(port, Optional.empty());
  }

  private SSLSocket open(int port, Optional<String> sni) throws IOException {
    SSLSocket s = (SSLSocket) context().getSocketFactory().createSocket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    s.setSoTimeout(30_000);
    if (sni.isPresent()) {
      SSLParameters p = s.getSSLParameters();
      p.setServerNames(List.of(new SNIHostName(sni.get())));
      s.setSSLParameters(p);
    }
    s.startHandshake();
    return s;
  }

  private X509Certificate certificate(String sni) throws IOException {
    try (SSLSocket s = open(Optional.of(sni))) {
      return (X509Certificate) s.getSession().getPeerCertificates()[0];
    }
  }

  private static String fingerprint(X509Certificate c) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
  }

  private String get(Optional<String> sni, String host, String path) throws IOException {
    return exchange(sni, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", new byte[0]);
  }

  private String post(Optional<String> sni, String host, String path, byte[] body) throws IOException {
    return exchange(
        sni,
        "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n",
        body);
  }

  private String exchange(Optional<String> sni, String head, byte[] body) throws IOException {
    try (SSLSocket s = open(sni)) {
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return readResponse(s.getInputStream());
    }
  }

  /**
   * One HTTP/1.1 response as text, its body framed by Content-Length or chunked encoding (joined),
   * so a test can look at its end without waiting for the server to close the connection.
   */
  static String readResponse(java.io.InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.toString();
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(lower);
    if (length.find()) {
      body.write(in.readNBytes(Integer.parseInt(length.group(1))));
    } else if (lower.contains("transfer-encoding: chunked")) {
      while (true) {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
          line.append((char) b);
        }
        int size = Integer.parseInt(line.toString().trim().split(";")[0], 16);
        if (size == 0) {
          in.readNBytes(2);
          break;
        }
        body.write(in.readNBytes(size));
        in.readNBytes(2);
      }
    }
    return head + body.toString(StandardCharsets.UTF_8);
  }
}
