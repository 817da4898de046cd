package io.cloister.attestation.collateral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.attestation.Fixtures;
import io.cloister.attestation.quote.SgxQuote;
import io.cloister.attestation.verify.QuoteReport;
import io.cloister.attestation.verify.QuoteVerifier;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PCS client against a real local HTTP server serving the fixture collateral in PCS v4 shape.
 */
class PcsClientTest {
  private static final Instant INSIDE = Instant.parse("2025-07-01T00:00:00Z");
  private static WebServer server;
  private static final AtomicInteger requests = new AtomicInteger();
  private static URI base;

  /** A clock tests can move. */
  static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(Fixtures.bytes("sgx_quote_collateral.json"));
    String tcbBody =
        "{\"tcbInfo\":"
            + bundle.get("tcb_info").asText()
            + ",\"signature\":\""
            + bundle.get("tcb_info_signature").asText()
            + "\"}";
    String qeBody =
        "{\"enclaveIdentity\":"
            + bundle.get("qe_identity").asText()
            + ",\"signature\":\""
            + bundle.get("qe_identity_signature").asText()
            + "\"}";
    byte[] pckCrl = HexFormat.of().parseHex(bundle.get("pck_crl").asText());
    byte[] rootCrl = HexFormat.of().parseHex(bundle.get("root_ca_crl").asText());
    server =
        WebServer.builder()
            .port(0)
            .routing(
                r ->
                    r.get(
                            "/sgx/certification/v4/tcb",
                            (req, res) -> {
                              requests.incrementAndGet();
                              if (!req.query().first("fmspc").orElse("").equals("00A067110000")) {
                                res.status(Status.NOT_FOUND_404).send();
                                return;
                              }
                              res.header(
                                  "TCB-Info-Issuer-Chain",
                                  urlEncode(bundle.get("tcb_info_issuer_chain")));
                              res.header("Content-Type", "application/json");
                              res.send(tcbBody.getBytes(StandardCharsets.UTF_8));
                            })
                        .get(
                            "/sgx/certification/v4/qe/identity",
                            (req, res) -> {
                              requests.incrementAndGet();
                              res.header(
                                  "SGX-Enclave-Identity-Issuer-Chain",
                                  urlEncode(bundle.get("qe_identity_issuer_chain")));
                              res.header("Content-Type", "application/json");
                              res.send(qeBody.getBytes(StandardCharsets.UTF_8));
                            })
                        .get(
                            "/sgx/certification/v4/pckcrl",
                            (req, res) -> {
                              requests.incrementAndGet();
                              if (!req.query().first("ca").orElse("").equals("processor")
                                  || !req.query().first("encoding").orElse("").equals("der")) {
                                res.status(Status.BAD_REQUEST_400).send();
                                return;
                              }
                              res.header(
                                  "SGX-PCK-CRL-Issuer-Chain",
                                  urlEncode(bundle.get("pck_crl_issuer_chain")));
                              res.send(pckCrl);
                            })
                        .get(
                            "/sgx/certification/v4/rootcacrl",
                            (req, res) -> {
                              requests.incrementAndGet();
                              res.send(rootCrl);
                            }))
            .build()
            .start();
    base = URI.create("http://localhost:" + server.port());
  }

  private static String urlEncode(JsonNode pem) {
    return URLEncoder.encode(pem.asText(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void fetchedCollateralVerifiesTheFixtureQuoteAndIsCachedUntilNextUpdate() throws Exception {
    MovableClock clock = new MovableClock(INSIDE);
    PcsClient client = PcsClient.pccs(base, HttpClient.newHttpClient(), clock);
    SgxQuote quote = SgxQuote.parse(Fixtures.bytes("sgx_quote"));
    requests.set(0);
    Collateral c = client.collateral("00a067110000", PcsClient.PckCa.PROCESSOR);
    assertThat(requests.get()).isEqualTo(4);
    assertThat(c).isEqualTo(CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json")));
    QuoteReport r = QuoteVerifier.intel().verify(quote, c, INSIDE);
    assertThat(r.tcbStatus()).isEqualTo(TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED);

    assertThat(client.collateral("00A067110000", PcsClient.PckCa.PROCESSOR)).isSameAs(c);
    assertThat(requests.get()).isEqualTo(4);

    clock.now = c.nextUpdate().plusSeconds(1);
    Collateral refetched = client.collateral("00A067110000", PcsClient.PckCa.PROCESSOR);
    assertThat(requests.get()).isEqualTo(8);
    assertThat(refetched).isNotSameAs(c);
  }

  @Test
  void theQuoteNamesItsPlatform() throws Exception {
    PcsClient client = PcsClient.pccs(base, HttpClient.newHttpClient(), new MovableClock(INSIDE));
    assertThat(client.collateralFor(Fixtures.bytes("sgx_quote")))
        .isEqualTo(CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json")));
    byte[] truncated = java.util.Arrays.copyOf(Fixtures.bytes("sgx_quote"), 600);
    assertThatThrownBy(() -> client.collateralFor(truncated))
        .isInstanceOf(CollateralFetchException.class)
        .hasMessageContaining("cannot tell the quote's platform");
  }

  @Test
  void unknownPlatformIsATypedError() {
    PcsClient client = PcsClient.pccs(base, HttpClient.newHttpClient(), Clock.systemUTC());
    assertThatThrownBy(() -> client.collateral("FFFFFFFFFFFF", PcsClient.PckCa.PROCESSOR))
        .isInstanceOf(CollateralFetchException.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void signedObjectIsExtractedByteExact() throws Exception {
    byte[] body =
        "{\"signature\":\"ab\", \"tcbInfo\": {\"a\":[1,{\"b\":\"}\"}]} }"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(PcsClient.signedObject(body, "tcbInfo"), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":[1,{\"b\":\"}\"}]}");
  }
}
