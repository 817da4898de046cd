package io.cloister.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.serve.guest.InstancePolicy;
import io.cloister.serve.log.ConsoleAppLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server against Java handlers that behave like the fixtures: real Helidon, real sockets, real
 * {@link HttpClient}, an ephemeral loopback port.
 */
class WasiHttpServerTest {
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final JavaGuests guests =
      new JavaGuests(new ConsoleAppLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
  private final HttpClient client = HttpClient.newHttpClient();
  private WasiHttpServer server;

  @BeforeEach
  void start() {
    server = start(ServeOptions.defaults().withPort(0));
  }

  private WasiHttpServer start(ServeOptions options) {
    return WasiHttpServer.start(
        guests.factory(), options.withDeadlines(Duration.ofMillis(1500), Duration.ofSeconds(60)));
  }

  @AfterEach
  void stop() {
    guests.release.set(true);
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hello() throws Exception {
    HttpResponse<String> response = get("/hello");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
    assertThat(response.body()).isEqualTo("Hello, world!\n");
  }

  @Test
  void echoReturnsMethodPathAndBody() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/echo/a%20b?x=1&y=2"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("the body"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-echo-method")).hasValue("PATCH");
    assertThat(response.headers().firstValue("x-echo-path")).hasValue("/echo/a%20b?x=1&y=2");
    assertThat(response.body()).isEqualTo("the body");
  }

  @Test
  void echoStreamsABodyBothWays() throws Exception {
    // 1 MiB: java.net.http sends the whole request body before it reads the response, so a
    // full-duplex echo larger than the socket and pipe buffers would stall in the client.
    long size = 1L << 20;
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(checkPattern(response.body())).isEqualTo(size);
  }

  @Test
  void readsALargeRequestBodyInConstantMemory() throws Exception {
    // surefire runs this module with -Xmx256m: a buffered body of this size would fail.
    long size = 256L << 20;
    server.close();
    // The count guest answers only after the whole body: give it more than the tests' 1.5 s.
    server =
        WasiHttpServer.start(
            guests.factory(),
            ServeOptions.defaults()
                .withPort(0)
                .withDeadlines(Duration.ofSeconds(120), Duration.ofSeconds(120)));
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/count"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Long.toString(size));
  }

  @Test
  void requestHeadersInResponseHeadersOut() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/headers"))
                .header("X-Custom", "v1")
                .header("X-Custom", "v2")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .containsIgnoringCase("x-custom: v1")
        .containsIgnoringCase("x-custom: v2");
    assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
    assertThat(response.headers().firstValue("x-fixture")).hasValue("headers");
    int lines = response.body().split("\n").length;
    assertThat(response.headers().firstValue("x-request-header-count"))
        .hasValue(Integer.toString(lines));
  }

  @Test
  void streamsOneGibibyteInConstantMemory() throws Exception {
    // surefire runs this module with -Xmx256m: a buffered GiB would fail.
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/stream?mib=1024")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(checkPattern(response.body())).isEqualTo(1L << 30);
  }

  @Test
  void trapGives500AndTheServerKeepsServing() throws Exception {
    HttpResponse<String> response = get("/trap");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("internal-error").contains("trapped");
    assertThat(get("/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void noResponseGives500() throws Exception {
    HttpResponse<String> response = get("/no-response");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("without setting a response");
    assertThat(get("/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void trapAfterTheBodyStartedCutsTheConnection() throws Exception {
    assertThatThrownBy(() -> get("/trap-mid-body")).isInstanceOf(IOException.class);
  }

  @Test
  void loopIsInterruptedAtTheDeadlineAndItsInstanceDiscarded() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get("/loop");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    assertThat(guests.closed.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void uninterruptibleGuestIsAbandonedAndOthersAreServed() throws Exception {
    assertThat(get("/stuck").statusCode()).isEqualTo(503);
    assertThat(get("/stuck").statusCode()).isEqualTo(503);
    assertThat(get("/hello").body()).isEqualTo("Hello, world!\n");
  }

  @Test
  void loggingLinesAppearWithLevelAndTime() throws Exception {
    assertThat(get("/logging").body()).isEqualTo("logged\n");
    String log = logBytes.toString(StandardCharsets.UTF_8);
    for (String level : List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "CRITICAL")) {
      assertThat(log)
          .containsPattern(
              "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[.\\d]*Z "
                  + level
                  + " +logging-fixture: "
                  + level.toLowerCase()
                  + " message");
    }
  }

  @Test
  void trailersAreSentWhenAnnounced() throws Exception {
    String raw =
        rawExchange(
            "GET /trailers HTTP/1.1\r\nHost: x\r\nTE: trailers\r\nConnection: close\r\n\r\n");
    assertThat(raw)
        .startsWith("HTTP/1.1 200")
        .contains("body")
        .containsIgnoringCase("x-checksum: 42");
  }

  @Test
  void malformedRequestGets400() throws Exception {
    String answer = rawExchange("GET /hello HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
  }

  @Test
  void oversizedHeadersAreRefusedWith400() throws Exception {
    String big = "x".repeat(32 * 1024);
    String answer = rawExchange("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n");
    // Helidon refuses a header section over the limit with 400 (it does not distinguish 431).
    assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("connection: close");
    assertThat(get("/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void pooledInstancesAreReusedFreshOnesAreNot() throws Exception {
    for (int i = 0; i < 5; i++) {
      get("/hello");
    }
    assertThat(guests.made.get()).isEqualTo(1);
    server.close();
    guests.made.set(0);
    server = start(ServeOptions.defaults().withPort(0).withPolicy(new InstancePolicy.Fresh()));
    for (int i = 0; i < 5; i++) {
      get("/hello");
    }
    assertThat(guests.made.get()).isEqualTo(5);
  }

  @Test
  void tlsWithASelfSignedCertificate() throws Exception {
    server.close();
    server = start(ServeOptions.defaults().withPort(0).withTls(true));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("serve", server.certificate().orElseThrow());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient tlsClient = HttpClient.newBuilder().sslContext(ssl).build();
    URI uri = server.uri().resolve("/hello");
    assertThat(uri.getScheme()).isEqualTo("https");
    HttpResponse<String> response =
        tlsClient.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("Hello, world!\n");
  }

  private String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      InputStream in = socket.getInputStream();
      try {
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
          got.write(buffer, 0, n);
          if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n0\r\n")
              && got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // the server answered and kept or reset the connection
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** Reads a body and checks byte i is 'a' + i mod 26; returns the length. */
  private static long checkPattern(InputStream body) throws IOException {
    try (body) {
      byte[] buffer = new byte[65536];
      long at = 0;
      for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
        for (int i = 0; i < n; i++, at++) {
          if (buffer[i] != (byte) ('a' + at % 26)) {
            throw new AssertionError("byte " + at + " is " + buffer[i]);
          }
        }
      }
      return at;
    }
  }

  /** {@code size} bytes of the pattern the stream fixture writes. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private long at;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return at < size ? 'a' + (int) (at++ % 26) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - at);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ('a' + (at++ % 26));
      }
      return n;
    }
  }
}
