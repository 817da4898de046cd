package io.cloister.enclave.client;

import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsReport;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.enclave.protocol.AppStatus;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.EnclaveInfo;
import io.cloister.enclave.protocol.InvalidDeploymentException;
import io.cloister.enclave.protocol.LogEntry;
import io.cloister.enclave.protocol.ManagementPaths;
import io.cloister.enclave.protocol.Problem;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * The Java client of an enclave's management API. Every TLS connection it opens is trusted only
 * when the enclave's RA-TLS certificate passes the caller's verifier and expectations (quote,
 * policy, report data); {@link #connect} completes one such handshake before anything else, so a
 * failing enclave receives no request and no credential.
 */
public final class EnclaveClient implements AutoCloseable {
  /** Bytes of a JSON answer read at most. */
  private static final int MAX_ANSWER_BYTES = ProtocolJson.MAX_MESSAGE_BYTES;

  private final URI base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicReference<RaTlsReport> lastReport;

  private EnclaveClient(
      URI base, String token, Duration timeout, HttpClient http, AtomicReference<RaTlsReport> last) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.http = http;
    this.lastReport = last;
  }

  /**
   * Verifies the enclave at {@code base} ({@code https://HOST:MANAGE-PORT}) with one handshake,
   * then returns a client that authenticates with {@code token}.
   *
   * @throws EnclaveAttestationException if the enclave's evidence fails {@code verifier} under
   *     {@code expected}: no byte of a request was sent
   * @throws EnclaveClientException if the enclave cannot be reached
   */
  public static EnclaveClient connect(
      URI base, String token, RaTlsVerifier verifier, RaTlsExpectations expected, Duration timeout)
      throws EnclaveClientException {
    Objects.requireNonNull(token, "token");
    if (!"https".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("the enclave's URL must be https://HOST:PORT, got " + base);
    }
    AtomicReference<RaTlsReport> last = new AtomicReference<>();
    SSLContext context =
        RaTlsContexts.client(new RaTlsTrustManager(verifier, expected, last::set));
    handshake(base, context, timeout, last);
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(context)
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    return new EnclaveClient(stripPath(base), token, timeout, http, last);
  }

  private static URI stripPath(URI base) {
    return URI.create("https://" + base.getRawAuthority());
  }

  private static void handshake(
      URI base, SSLContext context, Duration timeout, AtomicReference<RaTlsReport> last)
      throws EnclaveClientException {
    int port = base.getPort() < 0 ? 443 : base.getPort();
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(base.getHost(), port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.startHandshake();
    } catch (SSLException e) {
      RaTlsReport report = last.get();
      if (report != null && !report.passed()) {
        throw new EnclaveAttestationException(
            "the enclave at " + base.getRawAuthority() + " failed verification: "
                + report.failureSummary(),
            report,
            e);
      }
      throw new EnclaveAttestationException(
          "TLS with the enclave at " + base.getRawAuthority() + " failed: " + e.getMessage(),
          report,
          e);
    } catch (IOException e) {
      throw new EnclaveClientException(
          "cannot reach the enclave at " + base.getRawAuthority() + ": " + e, e);
    }
  }

  /** The verification of the enclave's most recent handshake. */
  public RaTlsReport attestation() {
    return lastReport.get();
  }

  /** The enclave's measurement, attester, Merkle root and certificates. */
  public EnclaveInfo info() throws EnclaveClientException {
    return decode(send(get(ManagementPaths.ENCLAVE)), ProtocolJson::enclaveInfo);
  }

  /** The deployed apps. */
  public List<AppStatus> apps() throws EnclaveClientException {
    return decode(send(get(ManagementPaths.APPS)), ProtocolJson::apps);
  }

  /** One app's status. */
  public AppStatus app(String name) throws EnclaveClientException {
    return decode(send(get(ManagementPaths.app(name))), ProtocolJson::appStatus);
  }

  /**
   * Deploys the artifact at {@code artifact} ({@code .wasm} component or {@code .cwasm}) under
   * {@code spec}, streaming its bytes; an app of the same name is redeployed.
   *
   * @throws EnclaveRequestException with the field at fault when the spec breaks a rule (checked
   *     here first, so nothing is streamed for a spec the enclave would refuse)
   */
  public DeployResult deploy(DeploymentSpec spec, Path artifact)
      throws EnclaveClientException, IOException {
    try {
      spec.validate();
    } catch (InvalidDeploymentException e) {
      throw new EnclaveRequestException(
          Problem.of("invalid-deployment", "Invalid deployment", 400, e.getMessage())
              .withField(e.field()));
    }
    long size = Files.size(artifact);
    HttpRequest request =
        request(ManagementPaths.app(spec.name()))
            .header(ManagementPaths.DEPLOYMENT_HEADER, ProtocolJson.text(ProtocolJson.toJson(spec)))
            .header("Content-Type", "application/octet-stream")
            .expectContinue(true)
            .timeout(timeout.multipliedBy(30).plusMillis(size / 1000))
            .PUT(HttpRequest.BodyPublishers.ofFile(artifact))
            .build();
    return decode(send(request), ProtocolJson::deployResult);
  }

  /** Removes an app; its route prefix answers 404 afterwards. */
  public DeployResult undeploy(String name) throws EnclaveClientException {
    return decode(send(request(ManagementPaths.app(name)).DELETE().build()), ProtocolJson::deployResult);
  }

  /**
   * Reads an app's log: the lines it kept, then (with {@code follow}) every new line until the
   * stream ends or {@code sink} throws {@link StopReading}.
   */
  public void logs(String name, boolean follow, Consumer<LogEntry> sink)
      throws EnclaveClientException {
    HttpRequest request =
        request(ManagementPaths.logs(name) + "?follow=" + follow)
            .header("Accept", "text/event-stream")
            .timeout(follow ? Duration.ofDays(365) : timeout)
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw transportFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnclaveClientException("interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw problemOf(response.statusCode(), body.readNBytes(MAX_ANSWER_BYTES));
      }
      ServerSentEvents.read(
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)),
          data -> {
            try {
              sink.accept(ProtocolJson.logEntry(ProtocolJson.parse(data)));
            } catch (ProtocolFormatException e) {
              throw new IllegalStateException("the enclave sent a malformed log line: " + e.getMessage(), e);
            }
          });
    } catch (StopReading stop) {
      // the caller has read enough
    } catch (IOException e) {
      throw new EnclaveClientException("the log stream of " + name + " broke: " + e.getMessage(), e);
    }
  }

  /** Thrown by a log sink to stop reading. */
  public static final class StopReading extends RuntimeException {
    /** Stops the stream. */
    public StopReading() {
      super(null, null, false, false);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws EnclaveClientException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw transportFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnclaveClientException("interrupted", e);
    }
  }

  private EnclaveClientException transportFailure(IOException e) {
    RaTlsReport report = lastReport.get();
    if (e instanceof SSLException && report != null && !report.passed()) {
      return new EnclaveAttestationException(
          "the enclave's certificate changed and failed verification: " + report.failureSummary(),
          report,
          e);
    }
    return new EnclaveClientException("the enclave did not answer: " + e, e);
  }

  /** Decodes one JSON answer of type {@code T}. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(JsonNode json) throws ProtocolFormatException;
  }

  private static <T> T decode(HttpResponse<InputStream> response, Decoder<T> decoder)
      throws EnclaveClientException {
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_ANSWER_BYTES + 1);
    } catch (IOException e) {
      throw new EnclaveClientException("the enclave's answer broke off: " + e.getMessage(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw problemOf(response.statusCode(), body);
    }
    try {
      return decoder.decode(ProtocolJson.parse(body));
    } catch (ProtocolFormatException e) {
      throw new EnclaveClientException("the enclave's answer is malformed: " + e.getMessage(), e);
    }
  }

  private static EnclaveRequestException problemOf(int status, byte[] body) {
    try {
      Problem p = ProtocolJson.problem(ProtocolJson.parse(body));
      return new EnclaveRequestException(p);
    } catch (ProtocolFormatException e) {
      String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return new EnclaveRequestException(
          Problem.of("unexpected-answer", "Unexpected answer", status, text.strip()));
    }
  }

  @Override
  public void close() {
    http.close();
  }

  /** The token in {@code tokenFile} (the enclave's {@code manager-token}), without whitespace. */
  public static String readToken(Path tokenFile) throws IOException {
    String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
    if (token.isEmpty()) {
      throw new IOException(tokenFile + " holds no token");
    }
    return token;
  }
}
