package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.AppLimitsSpec;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile neighbours, against a real {@code cloister enclave} process: while five apps deployed
 * beside hello trap, spin, hog memory, stream to readers that stall or vanish, and leak, and
 * while clients hang up mid-request, every hello request still gets its 200, each hostile app
 * gets the status its failure earns, and the enclave neither dies nor floods its log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnclaveNeighboursTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");
  private static final String HELLO_BODY = "Hello, world!\n";
  private static final List<String> APPS =
      List.of("hello", "trap", "loop", "memory-hog", "stream-large", "leak");
  /** How long the abuse is started for; requests in flight then finish (a loop's at its deadline). */
  private static final Duration ABUSE = Duration.ofSeconds(15);
  /** Hello alone, before the abuse: first to warm the JIT up, then measured as the baseline. */
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration BASELINE = Duration.ofSeconds(3);
  /** A read this long without a byte is a failure (hello's answer, or an error status). */
  private static final int READ_TIMEOUT_MS = 30_000;

  @TempDir static Path dir;
  EnclaveProcess enclave;
  SSLContext tls;
  final List<String> abuseErrors = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  void start() throws Exception {
    // The enclave caps every instance at 64 MiB; the hostile apps are deployed with limits of their
    // own below them: memory-hog reaches its 16 MiB cap well within its deadline (growth copies
    // the flat memory), loop is cut off after 2 s, and each may serve 8 requests at once.
    enclave =
        EnclaveProcess.start(dir.resolve("data"), "enclave.test", "--max-memory", "64m");
    tls = RaTlsContexts.client(new RaTlsTrustManager(enclave.verifier(), RaTlsExpectations.none()));
    try (EnclaveClient client =
        EnclaveClient.connect(
            enclave.manage,
            EnclaveClient.readToken(enclave.tokenFile()),
            enclave.verifier(),
            RaTlsExpectations.none().withMrEnclave(HexFormat.of().parseHex(enclave.mrEnclave)),
            Duration.ofSeconds(30))) {
      AppLimitsSpec hostile =
          new AppLimitsSpec(
              Optional.of(2_000L), Optional.of(16L << 20), Optional.of(1L << 20), Optional.of(8));
      for (String app : APPS) {
        DeploymentSpec spec = DeploymentSpec.of(app, "/" + app, Optional.empty());
        client.deploy(
            app.equals("hello") ? spec : spec.withLimits(hostile),
            FIXTURES.resolve(app + ".component.wasm"));
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (enclave != null) {
      enclave.close();
    }
  }

  @Test
  void helloIsUndisturbedWhileItsNeighboursMisbehave() throws Exception {
    assertThat(get("/hello/").body()).isEqualTo(HELLO_BODY);
    run(new HelloClient(), WARM_UP);
    HelloClient baseline = run(new HelloClient(), BASELINE);
    assertThat(baseline.failures).isEmpty();
    System.out.println(baseline.summary("hello alone"));

    Outcomes outcomes = new Outcomes();
    long end = System.nanoTime() + ABUSE.toNanos();
    List<Thread> abusers = new ArrayList<>();
    abusers.add(abuser("loop-1", end, () -> outcomes.add("loop", oneShot("/loop/"))));
    abusers.add(abuser("loop-2", end, () -> outcomes.add("loop", oneShot("/loop/"))));
    abusers.add(abuser("trap", end, keepAlive(outcomes, "trap", "/trap/", end)));
    abusers.add(abuser("memory-hog-1", end, keepAlive(outcomes, "memory-hog", "/memory-hog/", end)));
    abusers.add(abuser("memory-hog-2", end, keepAlive(outcomes, "memory-hog", "/memory-hog/", end)));
    abusers.add(abuser("leak", end, keepAlive(outcomes, "leak", "/leak/", end)));
    AtomicLong streams = new AtomicLong();
    abusers.add(
        abuser(
            "stream-large",
            end,
            () -> outcomes.add("stream-large", stallOrVanish(streams.getAndIncrement() % 2 == 0))));
    AtomicLong hangUps = new AtomicLong();
    abusers.add(abuser("hang-ups", end, () -> hangUp((int) (hangUps.getAndIncrement() % 4))));

    HelloClient hello = new HelloClient();
    Thread helloThread = Thread.ofPlatform().name("hello-client").start(hello);
    for (Thread t : abusers) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(t.isAlive()).as(t.getName() + " still running").isFalse();
    }
    hello.stop = true;
    helloThread.join(TimeUnit.SECONDS.toMillis(60));
    System.out.println(hello.summary("hello during abuse"));
    System.out.println("hostile apps during abuse: " + outcomes);

    assertThat(hello.failures).as("hello requests that did not get 200 " + HELLO_BODY.strip()).isEmpty();
    assertThat(hello.count()).isPositive();
    assertThat(abuseErrors).as("abusers that could not go on").isEmpty();
    // What each failure earns (ExchangeHandler): a trap 500, a missed deadline 503, a memory
    // growth refused at the cap a trap, so 500; the streams started (200) and leak answers.
    assertThat(outcomes.of("trap")).containsOnlyKeys("500");
    assertThat(outcomes.of("loop")).containsOnlyKeys("503");
    assertThat(outcomes.of("memory-hog")).containsOnlyKeys("500");
    assertThat(outcomes.of("stream-large")).containsOnlyKeys("200");
    assertThat(outcomes.of("leak")).containsOnlyKeys("200");
    assertThat(outcomes.of("leak").get("200")).as("leak requests").isGreaterThan(50);

    assertThat(enclave.process.isAlive()).isTrue();
    Reply health = get("/healthz");
    assertThat(health.status()).isEqualTo(200);
    Reply after = get("/hello/");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(HELLO_BODY);
    List<String> output = enclave.output();
    long stackLines = output.stream().filter(l -> l.contains("\tat ")).count();
    System.out.println("enclave output: " + output.size() + " lines, " + stackLines + " stack-trace lines");
    // None is expected; a stack trace is some twenty lines, and one per request is a flood.
    assertThat(stackLines).as("stack-trace lines in the enclave's output").isLessThan(25);
  }

  // --- hello, measured

  /** Calls hello over one keep-alive connection until stopped, recording every latency. */
  private final class HelloClient implements Runnable {
    volatile boolean stop;
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void run() {
      SSLSocket s = null;
      while (!stop) {
        long start = System.nanoTime();
        try {
          if (s == null) {
            s = open();
          }
          Reply r = exchange(s, "GET /hello/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
          latencies.add(System.nanoTime() - start);
          if (r.status() != 200 || !r.body().equals(HELLO_BODY)) {
            failures.add(r.status() + " " + r.body());
          }
          if (r.closes()) {
            s.close();
            s = null;
          }
        } catch (IOException e) {
          failures.add(e.toString());
          s = closeQuietly(s);
        }
      }
      closeQuietly(s);
    }

    int count() {
      return latencies.size();
    }

    String summary(String what) {
      List<Long> sorted;
      synchronized (latencies) {
        sorted = new ArrayList<>(latencies);
      }
      Collections.sort(sorted);
      return String.format(
          Locale.ROOT,
          "%s: n=%d, p50=%.2f ms, p99=%.2f ms, max=%.2f ms, failures=%d",
          what,
          sorted.size(),
          millis(sorted, 0.50),
          millis(sorted, 0.99),
          millis(sorted, 1.0),
          failures.size());
    }

    private static double millis(List<Long> sorted, double quantile) {
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(quantile * sorted.size()) - 1;
      return sorted.get(Math.max(0, i)) / 1e6;
    }
  }

  private static HelloClient run(HelloClient client, Duration duration) throws InterruptedException {
    Thread t = Thread.ofPlatform().name("hello-client").start(client);
    Thread.sleep(duration);
    client.stop = true;
    t.join(TimeUnit.SECONDS.toMillis(60));
    return client;
  }

  // --- the abuse

  /** What each hostile app answered: app, outcome (a status or an I/O failure), count. */
  private static final class Outcomes {
    private final Map<String, Map<String, AtomicLong>> byApp = new ConcurrentHashMap<>();

    void add(String app, String outcome) {
      byApp
          .computeIfAbsent(app, a -> new ConcurrentHashMap<>())
          .computeIfAbsent(outcome, o -> new AtomicLong())
          .incrementAndGet();
    }

    Map<String, Long> of(String app) {
      Map<String, Long> counts = new TreeMap<>();
      byApp.getOrDefault(app, Map.of()).forEach((k, v) -> counts.put(k, v.get()));
      return counts;
    }

    @Override
    public String toString() {
      Map<String, Map<String, Long>> all = new TreeMap<>();
      byApp.keySet().forEach(app -> all.put(app, of(app)));
      return all.toString();
    }
  }

  /** An abuse step that may fail with an I/O error, which the step itself reports. */
  private interface Step {
    void run() throws IOException, InterruptedException;
  }

  /**
   * A thread that repeats {@code step} until {@code end} (nanoTime), the last step finishing; a
   * step that fails (the enclave refused a connection or a handshake) ends it, noted in {@link
   * #abuseErrors}.
   */
  private Thread abuser(String name, long end, Step step) {
    return Thread.ofPlatform()
        .name("abuse-" + name)
        .start(
            () -> {
              try {
                while (System.nanoTime() - end < 0) {
                  step.run();
                }
              } catch (IOException | InterruptedException | RuntimeException e) {
                abuseErrors.add(name + ": " + e);
              }
            });
  }

  /** One request on a connection of its own; its status, or the I/O failure. */
  private String oneShot(String path) {
    try (SSLSocket s = open()) {
      return Integer.toString(
          exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .status());
    } catch (IOException e) {
      return "I/O: " + e;
    }
  }

  /** Requests {@code path} over keep-alive connections until {@code end}, counting outcomes. */
  private Step keepAlive(Outcomes outcomes, String app, String path, long end) {
    return () -> {
      SSLSocket s = open();
      try {
        while (System.nanoTime() - end < 0) {
          Reply r = exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
          outcomes.add(app, Integer.toString(r.status()));
          if (r.closes()) {
            return;
          }
        }
      } catch (IOException e) {
        outcomes.add(app, "I/O: " + e);
      } finally {
        closeQuietly(s);
      }
    };
  }

  /**
   * Asks stream-large for 1 GiB, checks it starts as it should, then either reads it slowly for a
   * second ({@code stall}) or resets the connection at once: the app is left writing to a client
   * that takes almost nothing, or to none.
   */
  private String stallOrVanish(boolean stall) throws IOException, InterruptedException {
    SSLSocket s = open();
    try {
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /stream-large/?mib=1024 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String head = readHead(in);
      String status = head.length() >= 12 ? head.substring(9, 12) : "no head: " + head;
      if (stall) {
        byte[] buffer = new byte[16 * 1024];
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        // The body is chunked: a size line, then the pattern from its start.
        String size = readLine(in);
        int first = in.read();
        if (size.isEmpty() || first != 'a') {
          return "body starts with '" + size + "' and " + first;
        }
        while (System.nanoTime() - until < 0) {
          if (in.read(buffer) < 0) {
            return "body ended early";
          }
          Thread.sleep(10);
        }
      }
      return status;
    } catch (IOException e) {
      return "I/O: " + e;
    } finally {
      s.setSoLinger(true, 0); // a reset, not a goodbye: the client vanished
      s.close();
    }
  }

  /** One of four ways to leave mid-request; nothing is expected back. */
  private void hangUp(int kind) throws IOException, InterruptedException {
    switch (kind) {
      case 0 -> { // before the TLS handshake
        try (Socket raw = new Socket()) {
          raw.connect(new InetSocketAddress("127.0.0.1", enclave.apps.getPort()), 10_000);
        }
      }
      case 1 -> { // half a request head
        try (SSLSocket s = open()) {
          send(s, "GET /hello/ HTTP/1.1\r\nHost: 127.0");
        }
      }
      case 2 -> { // a promised 1 MiB body, of which 1 KiB comes
        try (SSLSocket s = open()) {
          send(s, "POST /hello/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n\r\n");
          s.getOutputStream().write(new byte[1024]);
        }
      }
      default -> { // a trap's request, reset before its answer is read
        SSLSocket s = open();
        send(s, "GET /trap/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        s.setSoLinger(true, 0);
        s.close();
      }
    }
    Thread.sleep(50);
  }

  // --- HTTPS: every connection verifies the enclave's RA-TLS certificate

  /** A response: its status, whether the server closes the connection after it, its body. */
  private record Reply(int status, boolean closes, String body) {}

  private SSLSocket open() throws IOException {
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
    s.connect(new InetSocketAddress("127.0.0.1", enclave.apps.getPort()), 10_000);
    s.setSoTimeout(READ_TIMEOUT_MS);
    s.startHandshake();
    return s;
  }

  private Reply get(String path) throws IOException {
    try (SSLSocket s = open()) {
      return exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }
  }

  private static void send(SSLSocket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
  }

  private static Reply exchange(SSLSocket s, String request) throws IOException {
    send(s, request);
    String text = EnclaveEndToEndTest.readResponse(s.getInputStream());
    int split = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || split < 0) {
      throw new IOException("no complete response: '" + text + "'");
    }
    String head = text.substring(0, split).toLowerCase(Locale.ROOT);
    return new Reply(
        Integer.parseInt(text.substring(9, 12)),
        head.contains("\r\nconnection: close"),
        text.substring(split + 4));
  }

  /** A response's head, up to its blank line. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** One line, without its CRLF. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }

  private static SSLSocket closeQuietly(SSLSocket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    return null;
  }
}
