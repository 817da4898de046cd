package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.freshness.FreshnessException;
import io.cloister.attestation.freshness.FreshnessResponder;
import io.cloister.attestation.freshness.Nonces;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.ratls.AppDescriptor;
import io.cloister.attestation.ratls.CertificateSet;
import io.cloister.attestation.ratls.EnclaveConfig;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsIssuer;
import io.cloister.attestation.ratls.SniKeyManager;
import io.helidon.common.tls.Tls;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLServerSocket;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cloister verify} against a real Helidon WebServer serving RA-TLS certificates from the
 * simulated attester, with the freshness endpoint; run in-process through {@link Main}.
 */
class VerifyCommandTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MRENCLAVE = filled(0x5e);
  private static final byte[] HELLO_HASH = filled(0xaa);
  private static final String HELLO_HOST = "hello.apps.test";

  @TempDir static Path dir;
  static SimulationAuthority authority;
  static RaTlsIssuer issuer;
  static SniKeyManager keyManager;
  static WebServer server;
  static String collateral;
  static String simulationRoot;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    authority = SimulationAuthority.loadOrCreate(dir.resolve("sim"));
    SimulatedAttester attester = new SimulatedAttester(authority, MRENCLAVE, 0, 0);
    issuer = new RaTlsIssuer(attester);
    Path collateralFile = dir.resolve("collateral.json");
    Files.write(
        collateralFile,
        CollateralBundle.encode(
            authority.collateral(
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of())));
    collateral = collateralFile.toString();
    Path rootFile = dir.resolve("sim-root.pem");
    Files.writeString(
        rootFile, PemCertificates.encode(List.of(authority.trustRoot().certificate())));
    simulationRoot = rootFile.toString();

    keyManager = new SniKeyManager(issuer.issue(config()));
    FreshnessResponder responder = new FreshnessResponder(attester);
    server =
        WebServer.builder()
            .port(0)
            .tls(Tls.builder().sslContext(RaTlsContexts.server(keyManager)).build())
            .routing(
                r ->
                    r.get(
                        Nonces.PATH,
                        (req, res) -> {
                          try {
                            res.header("Content-Type", "application/json")
                                .send(
                                    responder.answer(
                                        req.localPeer().tlsCertificates().orElse(null),
                                        req.query().first("nonce").orElse(null)));
                          } catch (FreshnessException e) {
                            res.status(Status.BAD_REQUEST_400).send(e.getMessage());
                          }
                        }))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  static EnclaveConfig config() {
    return new EnclaveConfig(
        "enclave.test",
        filled(0x11),
        List.of(
            new AppDescriptor("hello", "/hello", HELLO_HOST, HELLO_HASH),
            new AppDescriptor("shop", "/shop", "shop.apps.test", filled(0xbb))));
  }

  private static Run verify(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "https://127.0.0.1:" + server.port() + "/hello",
                "--sni",
                HELLO_HOST,
                "--collateral",
                collateral,
                "--simulation-root",
                simulationRoot));
    args.addAll(Arrays.asList(extra));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] rightExpectations() {
    return new String[] {
      "--allow-simulated",
      "--app",
      "hello",
      "--code-hash",
      HEX.formatHex(HELLO_HASH),
      "--mrenclave",
      HEX.formatHex(MRENCLAVE),
      "--mrsigner",
      HEX.formatHex(authority.mrSigner())
    };
  }

  private static String[] with(String option, String value) {
    List<String> args = new ArrayList<>(Arrays.asList(rightExpectations()));
    int i = args.indexOf(option);
    args.set(i + 1, value);
    return args.toArray(String[]::new);
  }

  @Test
  void simulatedEnclavePassesWithTheRightExpectations() {
    Run r = verify(rightExpectations());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "app:          hello, route prefix /hello, code hash " + HEX.formatHex(HELLO_HASH))
        .containsPattern("PASS\\s+report-data.key")
        .containsPattern("PASS\\s+quote.appraisal")
        .containsPattern("PASS\\s+expect.app")
        .containsPattern("PASS\\s+merkle.proof")
        .containsPattern("PASS\\s+freshness.report-data")
        .containsPattern("PASS\\s+freshness.quote.appraisal")
        .contains("WARNING: SIMULATED QUOTE")
        .contains("VERIFIED: ");
  }

  @Test
  void jsonReportListsEveryCheck() throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(rightExpectations()));
    args.add("--json");
    Run r = verify(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("simulated").asBoolean()).isTrue();
    assertThat(json.get("app").get("name").asText()).isEqualTo("hello");
    List<String> names = new ArrayList<>();
    json.get("checks").forEach(c -> names.add(c.get("name").asText()));
    assertThat(names)
        .contains(
            "report-data.key",
            "report-data.merkle-root",
            "quote.appraisal",
            "expect.app",
            "merkle.proof",
            "freshness.nonce",
            "freshness.report-data");
  }

  @Test
  void eachWrongExpectationFails() {
    Run app = verify(with("--app", "shop"));
    assertThat(app.exit()).isEqualTo(1);
    assertThat(app.out())
        .containsPattern("FAIL\\s+expect.app\\s+app name 'hello', expected 'shop'")
        .contains("FAILED: ");

    Run hash = verify(with("--code-hash", HEX.formatHex(filled(0xab))));
    assertThat(hash.exit()).isEqualTo(1);
    assertThat(hash.out()).containsPattern("FAIL\\s+expect.app\\s+code hash");

    Run mrenclave = verify(with("--mrenclave", HEX.formatHex(filled(0x01))));
    assertThat(mrenclave.exit()).isEqualTo(1);
    assertThat(mrenclave.out()).containsPattern("FAIL\\s+expect.mrenclave");
  }

  @Test
  void simulatedQuoteFailsWithoutAllowSimulated() {
    List<String> args = new ArrayList<>(Arrays.asList(rightExpectations()));
    args.remove("--allow-simulated");
    Run r = verify(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("FAIL\\s+quote.appraisal\\s+policy.simulated");
  }

  @Test
  void wrongRoutePrefixInTheUrlFails() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "https://127.0.0.1:" + server.port() + "/shop",
                "--sni",
                HELLO_HOST,
                "--collateral",
                collateral,
                "--simulation-root",
                simulationRoot));
    args.addAll(Arrays.asList(rightExpectations()));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute(args.toArray(String[]::new))).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern("FAIL\\s+expect.app\\s+route prefix '/hello', expected '/shop'");
  }

  @Test
  void certificateWhoseReportDataDoesNotMatchItsKeyFails() throws Exception {
    // Genuine RA-TLS extensions copied onto another key: the quote binds the original key only.
    CertificateSet genuine = issuer.issue(config());
    X509Certificate original = genuine.appCertificate(HELLO_HOST).orElseThrow();
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair other = g.generateKeyPair();
    X509CertificateHolder holder = new X509CertificateHolder(original.getEncoded());
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            holder.getSubject(),
            BigInteger.TWO,
            original.getNotBefore(),
            original.getNotAfter(),
            holder.getSubject(),
            SubjectPublicKeyInfo.getInstance(other.getPublic().getEncoded()));
    for (Object oid : holder.getExtensions().getExtensionOIDs()) {
      b.copyAndAddExtension(
          (ASN1ObjectIdentifier) oid,
          holder.getExtension((ASN1ObjectIdentifier) oid).isCritical(),
          holder);
    }
    X509Certificate forged =
        new JcaX509CertificateConverter()
            .getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate())));
    CertificateSet previous =
        keyManager.swap(
            new CertificateSet(
                other.getPrivate(),
                "enclave.test",
                forged,
                Map.of(HELLO_HOST, forged),
                genuine.merkleRoot()));
    try {
      Run r = verify(rightExpectations());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out())
          .containsPattern("FAIL\\s+report-data.key\\s+report_data\\[0..32\\] vs SHA-256");
    } finally {
      keyManager.swap(previous);
    }
  }

  @Test
  void serverWithoutTheFreshnessEndpointStillVerifiesAndSaysSo() throws Exception {
    SSLServerSocket plain =
        (SSLServerSocket)
            RaTlsContexts.server(keyManager).getServerSocketFactory().createServerSocket(0);
    Thread acceptor =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    while (!plain.isClosed()) {
                      try (var s = plain.accept()) {
                        ((javax.net.ssl.SSLSocket) s).startHandshake();
                      } catch (java.io.IOException e) {
                        // A client that fails verification aborts the handshake; keep serving.
                      }
                    }
                  } catch (RuntimeException ignored) {
                    // Closed.
                  }
                });
    try {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "verify",
                  "https://127.0.0.1:" + plain.getLocalPort(),
                  "--collateral",
                  collateral,
                  "--simulation-root",
                  simulationRoot,
                  "--allow-simulated"));
      CommandLine cl = Main.commandLine();
      StringWriter out = new StringWriter();
      cl.setOut(new PrintWriter(out));
      assertThat(cl.execute(args.toArray(String[]::new))).as(out.toString()).isZero();
      assertThat(out.toString())
          .containsPattern("SKIP\\s+freshness\\s+not offered")
          .contains("hosts app:    hello at hello.apps.test/hello");
    } finally {
      plain.close();
      acceptor.join(5000);
    }
  }

  @Test
  void malformedOptionsAndUnreachableServers() {
    assertThat(verify("--mrenclave", "abc").exit()).isEqualTo(2);
    assertThat(verify("--code-hash", "00").err()).contains("--code-hash must be 32 bytes");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("verify", "http://127.0.0.1:1/")).isEqualTo(2);
    assertThat(cl.execute("verify", "https://127.0.0.1:1/", "--timeout", "PT2S")).isEqualTo(1);
    assertThat(err.toString()).contains("cannot fetch https://127.0.0.1:1/.well-known/cloister/collateral");
    assertThat(
            cl.execute(
                "verify", "https://127.0.0.1:1/", "--timeout", "PT2S", "--collateral", collateral))
        .isEqualTo(1);
    assertThat(err.toString()).contains("cannot complete a TLS handshake");
  }

  @Test
  void withoutCollateralFromTheCallerOrTheServerNothingIsVerified() {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("verify", "https://127.0.0.1:" + server.port(), "--allow-simulated"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("no collateral given (--collateral FILE)")
        .contains("/.well-known/cloister/collateral answered 404");
    assertThat(out.toString()).doesNotContain("VERIFIED");
  }

  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) b);
    return out;
  }
}
