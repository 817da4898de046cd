package io.cloister.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.serve.exchange.ExchangeHandler;
import io.cloister.serve.log.ConsoleAppLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that go silent or trickle bytes mid-request, over raw sockets against a real server with
 * short timeouts: 1 s for a header section, 3 s for a request line.
 */
class SlowClientsTest {
  private static final Duration IDLE = Duration.ofSeconds(3);
  private static final Duration READ = Duration.ofSeconds(1);
  // generous: how long a test waits for the server to act, not a limit on the server's speed
  private static final int PATIENCE_MILLIS = 20_000;

  private final JavaGuests guests =
      new JavaGuests(
          new ConsoleAppLog(
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
  private WasiHttpServer server;

  @BeforeEach
  void start() {
    server =
        WasiHttpServer.start(
            guests.factory(), ServeOptions.defaults().withPort(0).withTimeouts(IDLE, READ));
  }

  @AfterEach
  void stop() {
    guests.release.set(true);
    server.close();
  }

  @Test
  void silenceInTheHeadersGets408AndTheConnectionClosed() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /hello HTTP/1.1\r\nHost: x\r\nX-Partial: a");
      String answer = readToEnd(socket);
      assertThat(answer)
          .startsWith("HTTP/1.1 408 Request Timeout\r\n")
          .containsIgnoringCase("connection: close")
          .endsWith("request timeout\n");
    }
  }

  @Test
  void headersTricklingInByteByByteGet408() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /hello HTTP/1.1\r\nHost: x");
      Thread trickler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (int i = 0; ; i++) { // one header byte every 100 ms, never done
                        send(socket, i % 40 == 0 ? "\r\nX-Slow: " : "s");
                        Thread.sleep(100);
                      }
                    } catch (IOException | InterruptedException closed) {
                      // the server closed the connection (or the test ended)
                    }
                  });
      try {
        assertThat(readToEnd(socket)).startsWith("HTTP/1.1 408 Request Timeout\r\n");
      } finally {
        trickler.interrupt();
      }
    }
  }

  @Test
  void aPartialRequestLineIsClosedAtTheIdleTimeout() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /hel");
      assertThat(readToEnd(socket)).isEmpty(); // Helidon's idle check closes it without an answer
    }
  }

  @Test
  void othersAreServedWhileAClientStalls() throws Exception {
    try (Socket stalled = connect()) {
      send(stalled, "GET /hello HTTP/1.1\r\nHost: x\r\nX-Partial: a");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.uri().resolve("/hello")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(readToEnd(stalled)).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void aKeepAliveConnectionMayWaitLongerThanTheReadTimeoutBetweenRequests() throws Exception {
    String request = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    try (Socket socket = connect()) {
      send(socket, request);
      assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
      Thread.sleep(READ.toMillis() * 2); // past the first request's header deadline, within IDLE
      send(socket, request);
      assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
    }
  }

  @Test
  void silenceInABodyTheAppIgnoresClosesTheConnectionAfterTheResponse() throws Exception {
    try (Socket socket = connect()) {
      // 10 of 1,000 announced bytes, then nothing: the hello app answers without reading them
      send(socket, "POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");
      // the whole response, then the server closes: it does not wait for the rest of the body
      assertThat(readToEnd(socket)).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
    }
  }

  @Test
  void aSmallBodyTheAppIgnoresIsReadAwayAndKeepsTheConnection() throws Exception {
    String request = "POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    try (Socket socket = connect()) {
      for (int i = 0; i < 2; i++) {
        send(socket, request);
        assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
      }
    }
  }

  @Test
  void aBodyTheAppIgnoresOverTheDrainLimitClosesTheConnection() throws Exception {
    int size = 4 * ExchangeHandler.DRAIN_LIMIT;
    try (Socket socket = connect()) {
      send(socket, "POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n");
      // the client sends all of it at once, then a second request on the same connection
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      OutputStream out = socket.getOutputStream();
                      out.write(new byte[size]);
                      String next = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
                      out.write(next.getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closedByTheServer) {
                      // expected once the server has had enough
                    }
                  });
      // one response, then the close: a server that read the whole body would answer the second
      String got = readToEnd(socket);
      assertThat(got).startsWith("HTTP/1.1 200").endsWith("Hello, world!\n");
      assertThat(got.split("HTTP/1.1 200", -1)).hasSize(2);
      writer.join(PATIENCE_MILLIS);
    }
  }

  @Test
  void silenceInABodyTheAppReadsEndsAtTheReadTimeout() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");
      // the app's read fails once the client has been silent for READ (not at the 5 min exchange
      // deadline: readToEnd would give up first); the response never completes
      assertThat(readToEnd(socket)).doesNotEndWith("\r\n0\r\n\r\n");
    }
  }

  @Test
  void aBodyReadToItsEndKeepsTheConnection() throws Exception {
    String request = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    try (Socket socket = connect()) {
      for (int i = 0; i < 2; i++) {
        send(socket, request);
        assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").contains("hello");
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(PATIENCE_MILLIS);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Everything the server sends until it closes the connection. */
  private static String readToEnd(Socket socket) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        got.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // closed with unread input (the trickled bytes): what arrived before counts
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  /** One response of the hello handler: its head and a body of the announced length. */
  private static String readResponse(Socket socket) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    while (!complete(got.toString(StandardCharsets.ISO_8859_1))) {
      int b = in.read();
      if (b == -1) {
        break;
      }
      got.write(b);
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean complete(String response) {
    int end = response.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    if (head.contains("transfer-encoding: chunked")) {
      return response.endsWith("\r\n0\r\n\r\n");
    }
    int at = head.indexOf("content-length:");
    int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15).split("\r\n", 2)[0].trim());
    return response.length() - end - 4 >= length;
  }
}
