package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.freshness.FreshnessEvidence;
import io.cloister.attestation.freshness.FreshnessResponder;
import io.cloister.attestation.freshness.FreshnessVerifier;
import io.cloister.attestation.freshness.Nonces;
import io.helidon.common.tls.Tls;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Helidon WebServer serving RA-TLS through {@link SniKeyManager} and the freshness endpoint;
 * real JSSE clients and {@link HttpClient} with {@link RaTlsTrustManager} talk to it.
 */
class RaTlsServerTest {

  @TempDir static Path dir;
  static SimulatedEnclave enclave;
  static SniKeyManager keyManager;
  static WebServer server;

  @BeforeAll
  static void start() throws Exception {
    enclave = SimulatedEnclave.create(dir.resolve("sim"));
    keyManager = new SniKeyManager(enclave.issue(TestConfigs.twoApps()));
    FreshnessResponder responder = new FreshnessResponder(enclave.attester());
    server =
        WebServer.builder()
            .port(0)
            .tls(Tls.builder().sslContext(RaTlsContexts.server(keyManager)).build())
            .routing(
                r ->
                    r.get("/hello", (req, res) -> res.send("hi"))
                        .get(
                            Nonces.PATH,
                            (req, res) -> {
                              try {
                                res.header("Content-Type", "application/json")
                                    .send(
                                        responder.answer(
                                            req.localPeer().tlsCertificates().orElse(null),
                                            req.query().first("nonce").orElse(null)));
                              } catch (io.cloister.attestation.freshness.FreshnessException e) {
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

  /** Handshakes with a fresh client (no session to resume) and returns the server's certificate. */
  private static X509Certificate handshake(String sni) throws IOException {
    try (SSLSocket socket = openSocket(sni)) {
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private static SSLSocket openSocket(String sni) throws IOException {
    List<RaTlsReport> reports = new CopyOnWriteArrayList<>();
    SSLContext ctx =
        RaTlsContexts.client(
            new RaTlsTrustManager(enclave.verifier(true), RaTlsExpectations.none(), reports::add));
    SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port());
    SSLParameters params = socket.getSSLParameters();
    if (sni != null) {
      params.setServerNames(List.of(new SNIHostName(sni)));
    }
    socket.setSSLParameters(params);
    socket.startHandshake();
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
    return socket;
  }

  /**
   * Reads one HTTP/1.1 response: headers, then exactly Content-Length body bytes. Waiting for EOF
   * instead would hang until the server's idle timeout, since TLS close is not guaranteed here.
   */
  private static String readResponse(SSLSocket socket) throws IOException {
    socket.setSoTimeout(30_000);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    Matcher m =
        Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
    byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
    return headers + new String(body, StandardCharsets.US_ASCII);
  }

  @Test
  void sniSelectsTheAppCertificateAndNoSniTheEnclaveCertificate() throws Exception {
    CertificateSet set = keyManager.current();
    assertThat(handshake(TestConfigs.HELLO_HOST))
        .isEqualTo(set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
    assertThat(handshake(TestConfigs.SHOP_HOST))
        .isEqualTo(set.appCertificate(TestConfigs.SHOP_HOST).orElseThrow());
    assertThat(handshake(null)).isEqualTo(set.enclaveCertificate());
    assertThat(handshake(TestConfigs.ENCLAVE_HOST)).isEqualTo(set.enclaveCertificate());
    assertThat(handshake("unknown.apps.test")).isEqualTo(set.enclaveCertificate());
  }

  @Test
  void swapGivesNewHandshakesTheNewSetAndLeavesOpenConnectionsAlone() throws Exception {
    CertificateSet before = keyManager.current();
    try (SSLSocket open = openSocket(TestConfigs.HELLO_HOST)) {
      assertThat(open.getSession().getPeerCertificates()[0])
          .isEqualTo(before.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
      CertificateSet after = enclave.issue(TestConfigs.oneApp());
      assertThat(keyManager.swap(after)).isSameAs(before);

      assertThat(handshake(TestConfigs.HELLO_HOST))
          .isEqualTo(after.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
      assertThat(handshake(null)).isEqualTo(after.enclaveCertificate());
      // shop was undeployed: its hostname now gets the enclave certificate of the new root.
      assertThat(handshake(TestConfigs.SHOP_HOST)).isEqualTo(after.enclaveCertificate());

      // The connection opened before the swap still works on its own session.
      open.getOutputStream()
          .write(
              "GET /hello HTTP/1.1\r\nHost: hello\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = readResponse(open);
      assertThat(response).startsWith("HTTP/1.1 200").endsWith("hi");
      assertThat(open.getSession().getPeerCertificates()[0])
          .isEqualTo(before.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
    } finally {
      keyManager.swap(enclave.issue(TestConfigs.twoApps()));
    }
  }

  @Test
  void httpClientTalksToTheEnclaveWithAttestationInsteadOfACertificateAuthority() throws Exception {
    List<RaTlsReport> reports = new CopyOnWriteArrayList<>();
    RaTlsTrustManager trust =
        new RaTlsTrustManager(
            enclave.verifier(true),
            RaTlsExpectations.none().withMrEnclave(SimulatedEnclave.MRENCLAVE),
            reports::add);
    try (HttpClient client =
        HttpClient.newBuilder().sslContext(RaTlsContexts.client(trust)).build()) {
      HttpResponse<String> res =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/hello"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(res.body()).isEqualTo("hi");
    }
    assertThat(reports).isNotEmpty().allSatisfy(r -> assertThat(r.passed()).isTrue());
  }

  @Test
  void httpClientRefusesAnEnclaveThatFailsTheExpectations() {
    RaTlsTrustManager wrong =
        new RaTlsTrustManager(
            enclave.verifier(true),
            RaTlsExpectations.none().withMrEnclave(TestConfigs.filled(0x01)));
    RaTlsTrustManager noSimulation =
        new RaTlsTrustManager(enclave.verifier(false), RaTlsExpectations.none());
    for (RaTlsTrustManager trust : List.of(wrong, noSimulation)) {
      try (HttpClient client =
          HttpClient.newBuilder().sslContext(RaTlsContexts.client(trust)).build()) {
        assertThatThrownBy(
                () ->
                    client.send(
                        HttpRequest.newBuilder(
                                URI.create("https://127.0.0.1:" + server.port() + "/hello"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(SSLHandshakeException.class);
      }
    }
  }

  @Test
  void freshnessEndpointAnswersWithAQuoteBoundToTheNonceAndTheConnectionKey() throws Exception {
    List<X509Certificate> seen = new CopyOnWriteArrayList<>();
    RaTlsTrustManager trust =
        new RaTlsTrustManager(enclave.verifier(true), RaTlsExpectations.none());
    byte[] nonce = Nonces.random();
    HttpResponse<byte[]> res;
    try (HttpClient client =
        HttpClient.newBuilder()
            .sslContext(RaTlsContexts.client(trust))
            .connectTimeout(Duration.ofSeconds(10))
            .build()) {
      res =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://127.0.0.1:"
                              + server.port()
                              + Nonces.PATH
                              + "?nonce="
                              + HexFormat.of().formatHex(nonce)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      res.sslSession()
          .ifPresent(
              s -> {
                try {
                  seen.add((X509Certificate) s.getPeerCertificates()[0]);
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                  throw new AssertionError(e);
                }
              });
    }
    assertThat(res.statusCode()).isEqualTo(200);
    FreshnessEvidence evidence = FreshnessEvidence.fromJson(res.body());
    X509Certificate cert = seen.get(0);
    FreshnessVerifier verifier = new FreshnessVerifier(enclave.appraiser(true));
    List<CheckResult> checks = verifier.verify(evidence, nonce, cert);
    assertThat(checks)
        .extracting(CheckResult::name)
        .containsExactly(
            "freshness.nonce",
            "freshness.merkle-root",
            "freshness.report-data",
            "freshness.enclave",
            "freshness.quote.appraisal");
    assertThat(checks)
        .allSatisfy(
            c -> assertThat(c.outcome()).as(c.toString()).isEqualTo(CheckResult.Outcome.PASS));

    // A replayed answer (another nonce) and an answer checked against another key both fail.
    assertThat(verifier.verify(evidence, Nonces.random(), cert))
        .filteredOn(c -> c.outcome() == CheckResult.Outcome.FAIL)
        .extracting(CheckResult::name)
        .containsExactly("freshness.nonce", "freshness.report-data");
    X509Certificate otherKey = enclave.issue(TestConfigs.twoApps()).enclaveCertificate();
    assertThat(verifier.verify(evidence, nonce, otherKey))
        .filteredOn(c -> c.outcome() == CheckResult.Outcome.FAIL)
        .extracting(CheckResult::name)
        .containsExactly("freshness.report-data");
    assertThat(new FreshnessVerifier(enclave.appraiser(false)).verify(evidence, nonce, cert))
        .filteredOn(c -> c.outcome() == CheckResult.Outcome.FAIL)
        .extracting(CheckResult::name)
        .containsExactly("freshness.quote.appraisal");
  }

  @Test
  void freshnessEndpointRefusesBadNonces() throws Exception {
    RaTlsTrustManager trust =
        new RaTlsTrustManager(enclave.verifier(true), RaTlsExpectations.none());
    try (HttpClient client =
        HttpClient.newBuilder().sslContext(RaTlsContexts.client(trust)).build()) {
      for (String nonce : List.of("zz", "00", "0".repeat(130))) {
        HttpResponse<String> res =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "https://127.0.0.1:" + server.port() + Nonces.PATH + "?nonce=" + nonce))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(nonce).isEqualTo(400);
        assertThat(res.body()).contains("nonce");
      }
    }
  }
}
