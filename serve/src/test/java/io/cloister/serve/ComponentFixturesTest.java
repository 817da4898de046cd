package io.cloister.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.serve.guest.ComponentGuests;
import io.cloister.serve.guest.GuestFactory;
import io.cloister.serve.guest.GuestInstance;
import io.cloister.serve.guest.GuestInstantiationException;
import io.cloister.serve.guest.InstancePolicy;
import io.cloister.serve.log.ConsoleAppLog;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.http.HttpHandlerInvoker;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WAT fixtures (fixtures/http/build, built by scripts/build-http-fixtures.sh) served for real:
 * Chicory-compiled components behind the Helidon front, checked over HTTP (on GraalWasm in {@link
 * ComponentFixturesOnGraalWasmTest}).
 */
class ComponentFixturesTest {
  private static final Path BUILD = Path.of("..", "fixtures", "http", "build");
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<WasiHttpServer> servers = new ArrayList<>();
  private WasiHttpServer server;

  private void serve(String fixture) throws Exception {
    server = start(compile(fixture, engine(options())), options());
  }

  /** The engine the fixtures run on, with {@code options}' memory cap. */
  EngineOptions engine(ServeOptions options) {
    return options.engine();
  }

  private static ServeOptions options() {
    return ServeOptions.defaults()
        .withPort(0)
        .withDeadlines(Duration.ofSeconds(3), Duration.ofSeconds(60));
  }

  private ComponentGuests compile(String fixture, EngineOptions engine) throws Exception {
    WasiHost host =
        WasiHost.builder(fixture)
            .log(new ConsoleAppLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)))
            .build();
    byte[] bytes = Files.readAllBytes(BUILD.resolve(fixture + ".component.wasm"));
    return ComponentGuests.compile(bytes, host, engine);
  }

  private WasiHttpServer start(GuestFactory guests, ServeOptions options) {
    WasiHttpServer started = WasiHttpServer.start(guests, options);
    servers.add(started);
    return started;
  }

  @AfterEach
  void stop() {
    servers.forEach(WasiHttpServer::close);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(server, path);
  }

  private HttpResponse<String> get(WasiHttpServer target, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(target.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hello() throws Exception {
    serve("hello");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = get("/anything");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
      assertThat(response.body()).isEqualTo("Hello, world!\n");
      // Written with blocking-write-and-flush, then finished: sent in one piece with its length.
      assertThat(response.headers().firstValue("content-length")).hasValue("14");
      assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
    }
  }

  @Test
  void echo() throws Exception {
    serve("echo");
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/p/q?r=s"))
                .PUT(HttpRequest.BodyPublishers.ofString("x".repeat(10_000) + "end"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-echo-method")).hasValue("PUT");
    assertThat(response.headers().firstValue("x-echo-path")).hasValue("/p/q?r=s");
    assertThat(response.body()).isEqualTo("x".repeat(10_000) + "end");
  }

  @Test
  void headers() throws Exception {
    serve("headers");
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/")).header("X-Probe", "42").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("x-probe: 42");
    assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
    assertThat(response.headers().firstValue("x-request-header-count"))
        .hasValue(Integer.toString(response.body().split("\n").length));
  }

  @Test
  void streamLarge() throws Exception {
    serve("stream-large");
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/?mib=16")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long at = 0;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[65536];
      for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
        for (int i = 0; i < n; i++, at++) {
          assertThat(buffer[i]).isEqualTo((byte) ('a' + at % 26));
        }
      }
    }
    assertThat(at).isEqualTo(16L << 20);
  }

  @Test
  void trapThenServesAgain() throws Exception {
    serve("trap");
    assertThat(get("/").statusCode()).isEqualTo(500);
    assertThat(get("/").statusCode()).isEqualTo(500);
  }

  @Test
  void noResponse() throws Exception {
    serve("no-response");
    HttpResponse<String> response = get("/");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("without setting a response");
  }

  @Test
  void infiniteLoopIsInterrupted() throws Exception {
    serve("loop");
    long start = System.nanoTime();
    assertThat(get("/").statusCode()).isEqualTo(503);
    assertThat(get("/").statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void memoryHogHitsTheCapAloneAndIsDiscarded() throws Exception {
    serve("hello");
    // A long deadline: a 503 would mean the deadline, not the cap, ended the request.
    ServeOptions capped =
        options()
            .withMaxMemory(16L << 20)
            .withDeadlines(Duration.ofSeconds(60), Duration.ofSeconds(60));
    CountingGuests hog = new CountingGuests(compile("memory-hog", engine(capped)));
    WasiHttpServer hogServer = start(hog, capped);
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> response = get(hogServer, "/");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(get("/").body()).isEqualTo("Hello, world!\n");
      // a trapped instance is closed, never reused: one new instance per request
      assertThat(hog.made).hasValue(i);
      awaitClosed(hog, i);
    }
  }

  @Test
  void anInstanceHoldingTooManyResourcesIsRetired() throws Exception {
    ServeOptions pooled = options().withPolicy(new InstancePolicy.Pooled(1, 3));
    CountingGuests leak = new CountingGuests(compile("leak", engine(pooled)));
    WasiHttpServer leakServer = start(leak, pooled);
    List<Integer> handles = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      HttpResponse<String> response = get(leakServer, "/");
      assertThat(response.statusCode()).isEqualTo(200);
      handles.add(Integer.parseInt(response.body().strip()));
    }
    // One instance keeps every request it was given: after its fourth it holds four, over three.
    assertThat(handles.subList(0, 4)).isSorted().doesNotHaveDuplicates();
    assertThat(handles.subList(4, 8)).isEqualTo(handles.subList(0, 4));
    assertThat(handles.subList(8, 12)).isEqualTo(handles.subList(0, 4));
    assertThat(leak.made).hasValue(3);
    awaitClosed(leak, 3);

    // A guest that drops what it is given keeps its one instance under the same policy.
    CountingGuests hello = new CountingGuests(compile("hello", engine(pooled)));
    WasiHttpServer helloServer = start(hello, pooled);
    for (int i = 0; i < 12; i++) {
      assertThat(get(helloServer, "/").body()).isEqualTo("Hello, world!\n");
    }
    assertThat(hello.made).hasValue(1);
    assertThat(hello.closed).hasValue(0);
  }

  private static void awaitClosed(CountingGuests guests, int count) throws InterruptedException {
    for (int i = 0; i < 600 && guests.closed.get() < count; i++) {
      Thread.sleep(50);
    }
    assertThat(guests.closed).hasValue(count);
  }

  /** Counts the instances a factory makes and closes. */
  private static final class CountingGuests implements GuestFactory {
    private final GuestFactory guests;
    final AtomicInteger made = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    CountingGuests(GuestFactory guests) {
      this.guests = guests;
    }

    @Override
    public GuestInstance instantiate() throws GuestInstantiationException {
      GuestInstance instance = guests.instantiate();
      made.incrementAndGet();
      return new GuestInstance() {
        @Override
        public HttpHandlerInvoker invoker() {
          return instance.invoker();
        }

        @Override
        public int heldResources() {
          return instance.heldResources();
        }

        @Override
        public void interrupt() {
          instance.interrupt();
        }

        @Override
        public void close() {
          closed.incrementAndGet();
          instance.close();
        }
      };
    }
  }

  @Test
  void initialMemoryOverTheCapFailsAtStart() {
    assertThatThrownBy(() -> compile("hello", engine(options().withMaxMemory(0))))
        .isInstanceOf(GuestInstantiationException.class)
        .hasMessageContaining("memory cap of 0 bytes");
  }

  @Test
  void kvCounterCountsPerPath() throws Exception {
    serve("kv-counter");
    assertThat(get("/a").body()).isEqualTo("1\n");
    assertThat(get("/a?x=1").body()).isEqualTo("2\n");
    assertThat(get("/b").body()).isEqualTo("1\n");
    HttpResponse<String> third = get("/a");
    assertThat(third.body()).isEqualTo("3\n");
    assertThat(third.headers().firstValue("x-counter-key")).hasValue("/a");
  }

  @Test
  void kvDraft2CountsAndListsOverHttp() throws Exception {
    serve("kv-draft2");
    assertThat(get("/a").body()).isEqualTo("1\n");
    assertThat(get("/a?x=1").body()).isEqualTo("2\n");
    HttpResponse<String> keys = get("/keys");
    assertThat(keys.statusCode()).isEqualTo(200);
    assertThat(keys.body()).isEmpty(); // bucket "keys" is not bucket "counters"
    assertThat(keys.headers().firstValue("x-next-cursor")).isEmpty();
    HttpResponse<String> bad = get("/keys?cursor=nonsense");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("invalid list-keys cursor");
  }

  @Test
  void loggingReachesServeOutput() throws Exception {
    serve("logging");
    assertThat(get("/").body()).isEqualTo("logged\n");
    String log = logBytes.toString(StandardCharsets.UTF_8);
    for (String level : new String[] {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "CRITICAL"}) {
      assertThat(log)
          .containsPattern("Z " + level + " +logging-fixture: " + level.toLowerCase() + " message");
    }
    assertThat(log)
        .containsPattern("Z INFO +stdout: stdout line")
        .containsPattern("Z ERROR +stderr: stderr line");
  }
}
