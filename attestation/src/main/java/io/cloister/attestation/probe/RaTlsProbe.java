package io.cloister.attestation.probe;

import io.cloister.attestation.freshness.FreshnessEvidence;
import io.cloister.attestation.freshness.FreshnessException;
import io.cloister.attestation.freshness.FreshnessVerifier;
import io.cloister.attestation.freshness.Nonces;
import io.cloister.attestation.ratls.CheckResult;
import io.cloister.attestation.ratls.QuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsReport;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.attestation.ratls.RaTlsVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Checks an RA-TLS server from its address alone: a TLS handshake whose certificate is verified
 * while it happens ({@link RaTlsTrustManager}), then a nonce challenge at {@link Nonces#PATH} for
 * evidence that is fresh and bound to the key of that same certificate. What {@code cloister
 * verify}, the enclave client and the platform share.
 *
 * @param host the server's host
 * @param port its port
 * @param sni the server name to ask for (an app's host name), if any
 * @param timeout connect and read timeout
 */
public record RaTlsProbe(String host, int port, Optional<String> sni, Duration timeout) {
  private static final HexFormat HEX = HexFormat.of();

  /** What a probe found: the report, and the certificate when the handshake completed. */
  public record Result(RaTlsReport report, Optional<X509Certificate> certificate) {}

  /**
   * Verifies the server's certificate against {@code expected} with {@code appraiser}, and, if
   * {@code challenge} and it passed, its fresh evidence.
   *
   * @throws IOException if no handshake got as far as the server's certificate
   */
  public Result run(
      QuoteAppraiser appraiser, RaTlsExpectations expected, boolean challenge, Clock clock)
      throws IOException {
    AtomicReference<RaTlsReport> seen = new AtomicReference<>();
    RaTlsTrustManager trust =
        new RaTlsTrustManager(new RaTlsVerifier(appraiser, clock), expected, seen::set);
    SSLContext context = RaTlsContexts.client(trust);
    Optional<X509Certificate> certificate;
    try {
      certificate = Optional.of(handshake(context));
    } catch (IOException e) {
      if (seen.get() == null) {
        throw new IOException(
            "cannot complete a TLS handshake with " + host + ":" + port + ": " + e, e);
      }
      certificate = Optional.empty(); // the certificate was seen and refused: the report says why
    }
    RaTlsReport report = seen.get();
    if (report.passed() && certificate.isPresent()) {
      report =
          report.with(
              challenge
                  ? freshness(context, new FreshnessVerifier(appraiser))
                  : List.of(CheckResult.skip("freshness", "skipped (--no-freshness)")));
    }
    return new Result(report, certificate);
  }

  private X509Certificate handshake(SSLContext context) throws IOException {
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      if (sni.isPresent()) {
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(sni.get())));
        socket.setSSLParameters(params);
      }
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private List<CheckResult> freshness(SSLContext context, FreshnessVerifier verifier) {
    byte[] nonce = Nonces.random();
    String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    URI endpoint =
        URI.create("https://" + authority + Nonces.PATH + "?nonce=" + HEX.formatHex(nonce));
    SSLParameters params = context.getDefaultSSLParameters();
    sni.ifPresent(s -> params.setServerNames(List.of(new SNIHostName(s))));
    HttpResponse<byte[]> response;
    try (HttpClient client =
        HttpClient.newBuilder()
            .sslContext(context)
            .sslParameters(params)
            .connectTimeout(timeout)
            .build()) {
      response =
          client.send(
              HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (SSLException e) {
      return List.of(
          CheckResult.fail("freshness", "TLS to " + endpoint + " failed: " + e.getMessage()));
    } catch (IOException e) {
      return List.of(
          CheckResult.skip(
              "freshness",
              "not offered: "
                  + endpoint
                  + " did not answer HTTP ("
                  + e.getClass().getSimpleName()
                  + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(CheckResult.fail("freshness", "interrupted"));
    }
    if (response.statusCode() == 404) {
      return List.of(
          CheckResult.skip("freshness", "not offered: " + Nonces.PATH + " answered 404"));
    }
    if (response.statusCode() != 200) {
      return List.of(
          CheckResult.fail("freshness", Nonces.PATH + " answered " + response.statusCode()));
    }
    X509Certificate connection;
    try {
      connection = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    } catch (IOException | RuntimeException e) {
      return List.of(
          CheckResult.fail("freshness", "no peer certificate on the freshness connection"));
    }
    try {
      return verifier.verify(FreshnessEvidence.fromJson(response.body()), nonce, connection);
    } catch (FreshnessException e) {
      return List.of(CheckResult.fail("freshness", e.getMessage()));
    }
  }
}
