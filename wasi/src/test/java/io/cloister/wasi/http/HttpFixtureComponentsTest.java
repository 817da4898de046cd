package io.cloister.wasi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.ComponentTrapException;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.keyvalue.FileKeyValueBuckets;
import io.cloister.wasi.keyvalue.InMemoryKeyValueBuckets;
import io.cloister.wasi.keyvalue.KeyValueBuckets;
import io.cloister.wasi.keyvalue.KeyValueStore;
import io.cloister.wasi.Capability;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import io.cloister.wasi.logging.RecentAppLog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wasi:http handler components of {@code fixtures/http} (WAT, built by
 * scripts/build-http-fixtures.sh) run through {@link HttpHandlerInvoker} on the real runtime, on
 * Chicory here and on GraalWasm in {@link HttpFixtureComponentsOnGraalWasmTest}.
 */
class HttpFixtureComponentsTest {
  private static final Map<String, Component> COMPILED = new ConcurrentHashMap<>();

  /** The engine the fixtures run on. */
  EngineOptions engine() {
    return EngineOptions.compiled();
  }

  private Component component(String name) {
    EngineOptions engine = engine();
    return COMPILED.computeIfAbsent(
        name + "@" + engine.engine().name(),
        key -> {
          try {
            Path file = Path.of("..", "fixtures", "http", "build", name + ".component.wasm");
            return Component.compile(Files.readAllBytes(file), engine);
          } catch (Exception e) {
            throw new IllegalStateException("cannot load fixture " + name, e);
          }
        });
  }

  private HttpHandlerInvoker invoker(String name, WasiHost host) throws Exception {
    WasiContext ctx = host.newContext();
    Linker<Void> linker = new Linker<Void>();
    ctx.register(linker);
    return ctx.httpHandler(linker.instantiate(component(name)));
  }

  private static IncomingRequestData request(String method, String path, InputStream body) {
    return new IncomingRequestData(
        method,
        path,
        Optional.of("http"),
        Optional.of("localhost:8080"),
        List.of(HttpField.of("Accept", "*/*"), HttpField.of("X-Test", "yes")),
        Optional.of(body));
  }

  private static HttpHandlerInvokerTest.RecordingSink call(
      HttpHandlerInvoker invoker, IncomingRequestData request) {
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    invoker.handle(request, sink);
    return sink;
  }

  private static String body(HttpHandlerInvokerTest.RecordingSink sink) {
    return sink.smallBody.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hello() throws Exception {
    var sink =
        call(
            invoker("hello", WasiHost.builder("hello").build()),
            request("GET", "/", InputStream.nullInputStream()));
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.status).isEqualTo(200);
    assertThat(sink.headers).contains(HttpField.of("content-type", "text/plain"));
    assertThat(body(sink)).isEqualTo("Hello, world!\n");
  }

  @Test
  void echoStreamsTheBodyBackAndSeesMethodAndPath() throws Exception {
    byte[] payload = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(payload);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(payload);
    HttpHandlerInvoker echo = invoker("echo", WasiHost.builder("echo").build());
    var sink = call(echo, request("PUT", "/a/b?c=d", new ByteArrayInputStream(payload)));
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.headers)
        .contains(HttpField.of("x-echo-method", "PUT"), HttpField.of("x-echo-path", "/a/b?c=d"));
    assertThat(sink.bodyBytes).isEqualTo(payload.length);
    assertThat(sink.crc.getValue()).isEqualTo(crc.getValue());
    // The same instance serves a second request.
    var again = call(echo, request("POST", "/x", new ByteArrayInputStream(new byte[] {1, 2})));
    assertThat(again.bodyBytes).isEqualTo(2);
  }

  @Test
  void headersAreVisibleAndMultiValuedOnesSurvive() throws Exception {
    var sink =
        call(
            invoker("headers", WasiHost.builder("headers").build()),
            request("GET", "/", InputStream.nullInputStream()));
    assertThat(sink.headers)
        .contains(
            HttpField.of("x-fixture", "headers"),
            HttpField.of("x-multi", "one"),
            HttpField.of("x-multi", "two"),
            HttpField.of("x-request-header-count", "2"));
    assertThat(body(sink)).contains("Accept: */*").contains("X-Test: yes");
  }

  @Test
  void largeResponsesStreamWithBackpressure() throws Exception {
    var sink =
        call(
            invoker("stream-large", WasiHost.builder("big").build()),
            request("GET", "/?mib=16", InputStream.nullInputStream()));
    assertThat(sink.events).containsExactly("start", "complete");
    assertThat(sink.bodyBytes).isEqualTo(16L << 20);
    assertThat(body(sink)).startsWith("abcdefghijklmnopqrstuvwxyzabc");
  }

  @Test
  void aLoopingHandlerStopsWithATrapWhenInterrupted() throws Exception {
    WasiContext ctx = WasiHost.builder("loop").build().newContext();
    Linker<Void> linker = new Linker<Void>();
    ctx.register(linker);
    ComponentInstance instance = linker.instantiate(component("loop"));
    HttpHandlerInvoker loop = ctx.httpHandler(instance);
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread guest =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    call(loop, request("GET", "/", InputStream.nullInputStream()));
                  } catch (Throwable t) {
                    ended.set(t);
                  }
                });
    guest.join(Duration.ofMillis(500));
    assertThat(guest.isAlive()).as("the handler loops").isTrue();
    // as serve's deadline does: the thread's interrupt flag (Chicory), the instance's own stop
    guest.interrupt();
    instance.interrupt();
    guest.join(Duration.ofSeconds(30));
    assertThat(guest.isAlive()).as("stopped").isFalse();
    assertThat(ended.get()).isInstanceOf(ComponentTrapException.class);
    instance.close();
  }

  @Test
  void aTrapFailsTheResponseAndIsRethrown() throws Exception {
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    HttpHandlerInvoker trap = invoker("trap", WasiHost.builder("trap").build());
    assertThatThrownBy(() -> trap.handle(request("GET", "/", InputStream.nullInputStream()), sink))
        .isInstanceOf(ComponentTrapException.class);
    assertThat(sink.events).containsExactly("fail");
    assertThat(sink.failure).isInstanceOf(ErrorCode.InternalError.class);
  }

  @Test
  void noResponseIsAnInternalError() throws Exception {
    var sink =
        call(
            invoker("no-response", WasiHost.builder("nr").build()),
            request("GET", "/", InputStream.nullInputStream()));
    assertThat(sink.events).containsExactly("fail");
    assertThat(sink.failure.toString()).contains("without setting a response");
  }

  @Test
  void kvCounterCountsAcrossInstancesOfOneApp() throws Exception {
    WasiHost host = WasiHost.builder("counter").keyValue(new InMemoryKeyValueBuckets()).build();
    HttpHandlerInvoker first = invoker("kv-counter", host);
    HttpHandlerInvoker second = invoker("kv-counter", host);
    assertThat(body(call(first, request("GET", "/visits?x=1", InputStream.nullInputStream()))))
        .isEqualTo("1\n");
    var sink = call(second, request("GET", "/visits", InputStream.nullInputStream()));
    assertThat(body(sink)).isEqualTo("2\n");
    assertThat(sink.headers).contains(HttpField.of("x-counter-key", "/visits"));
    assertThat(body(call(first, request("GET", "/other", InputStream.nullInputStream()))))
        .isEqualTo("1\n");
    assertThat(host.keyValue().open("counters").increment("/visits", 0)).isEqualTo(2);
  }

  @Test
  void kvDraft2ListsKeysInPagesWithStringCursorsAcrossConcurrentWrites() throws Exception {
    WasiHost host = WasiHost.builder("keys").keyValue(new InMemoryKeyValueBuckets()).build();
    KeyValueStore bucket = host.keyValue().open("keys");
    Set<String> unchanged = new TreeSet<>();
    for (int i = 0; i < 2500; i++) {
      String key = String.format("k%05d", i);
      bucket.set(key, new byte[0]);
      unchanged.add(key);
    }
    HttpHandlerInvoker first = invoker("kv-draft2", host);
    HttpHandlerInvoker second = invoker("kv-draft2", host); // another instance resumes the listing
    List<String> listed = new ArrayList<>();
    var page = call(first, request("GET", "/keys", InputStream.nullInputStream()));
    assertThat(page.status).isEqualTo(200);
    listed.addAll(lines(body(page)));
    assertThat(listed).hasSize(KeyValueStore.PAGE_SIZE).startsWith("k00000").endsWith("k00999");
    // writes between pages: the cursor's own key goes, keys on both sides come and go
    for (String gone : List.of("k00999", "k00500", "k01000", "k02000")) {
      bucket.delete(gone);
      unchanged.remove(gone);
    }
    bucket.set("k00500x", new byte[0]); // before the cursor: not listed any more
    bucket.set("k01500x", new byte[0]); // after it: listed once
    Optional<String> cursor = header(page, "x-next-cursor");
    int pages = 1;
    while (cursor.isPresent()) {
      page =
          call(
              pages % 2 == 1 ? second : first,
              request("GET", "/keys?cursor=" + cursor.get(), InputStream.nullInputStream()));
      assertThat(page.status).isEqualTo(200);
      listed.addAll(lines(body(page)));
      cursor = header(page, "x-next-cursor");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(listed).doesNotHaveDuplicates().isSorted().containsAll(unchanged);
    assertThat(listed).contains("k01500x", "k00999").doesNotContain("k01000", "k02000", "k00500x");
  }

  @Test
  void kvDraft2BadCursorsGetTheStoreError() throws Exception {
    HttpHandlerInvoker keys = invoker("kv-draft2", WasiHost.builder("keys").build());
    for (String bad : List.of("", "k00001", "k1.not*base64", "k1.YQ==")) {
      var sink = call(keys, request("GET", "/keys?cursor=" + bad, InputStream.nullInputStream()));
      assertThat(sink.status).as("cursor '%s'", bad).isEqualTo(400);
      assertThat(body(sink)).startsWith("invalid list-keys cursor: ").endsWith("\n");
    }
    var fine = call(keys, request("GET", "/keys?other=1", InputStream.nullInputStream()));
    assertThat(fine.status).isEqualTo(200);
    assertThat(body(fine)).isEmpty();
  }

  @Test
  void parallelIncrementsThroughBothDraftsLoseNothingInMemory() throws Exception {
    parallelIncrementsLoseNothing(new InMemoryKeyValueBuckets(), 50);
  }

  @Test
  void parallelIncrementsThroughBothDraftsLoseNothingOnDisk(@TempDir Path dir) throws Exception {
    // every write is synced (about 10 ms here): fewer requests keep the suite short
    parallelIncrementsLoseNothing(new FileKeyValueBuckets(dir), 10);
  }

  @Test
  void parallelCompareAndSwapRetriesLoseNothing() throws Exception {
    WasiHost host = WasiHost.builder("cas").keyValue(new InMemoryKeyValueBuckets()).build();
    List<HttpHandlerInvoker> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(invoker("kv-draft2", host));
    }
    int perInstance = 25;
    Set<Integer> written = new TreeSet<>();
    for (String value : getInParallel(instances, perInstance, "/cas/x")) {
      assertThat(value).matches("\\++");
      written.add(value.length());
    }
    // each swap that succeeded wrote one more "+" than the value it replaced: 1..n, once each
    int n = instances.size() * perInstance;
    assertThat(written).hasSize(n).first().isEqualTo(1);
    assertThat(host.keyValue().open("cas").get("/cas/x").orElseThrow()).hasSize(n);
  }

  /** Four instances, two per draft, each on its own thread, all counting the same key. */
  private void parallelIncrementsLoseNothing(KeyValueBuckets buckets, int perInstance)
      throws Exception {
    WasiHost host = WasiHost.builder("counter").keyValue(buckets).build();
    List<HttpHandlerInvoker> instances = new ArrayList<>();
    for (String fixture : List.of("kv-counter", "kv-draft2", "kv-counter", "kv-draft2")) {
      instances.add(invoker(fixture, host));
    }
    Set<Long> seen = new TreeSet<>();
    for (String count : getInParallel(instances, perInstance, "/hits")) {
      seen.add(Long.parseLong(count));
    }
    // every request saw a different count: 1..n, none lost, none repeated
    long n = (long) instances.size() * perInstance;
    assertThat(seen).hasSize((int) n).first().isEqualTo(1L);
    assertThat(host.keyValue().open("counters").increment("/hits", 0)).isEqualTo(n);
  }

  /**
   * GETs {@code path} {@code perInstance} times on each instance, each instance on its own thread;
   * every answer must be 200. Returns all bodies without their final newline.
   */
  private static List<String> getInParallel(
      List<HttpHandlerInvoker> instances, int perInstance, String path) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (HttpHandlerInvoker instance : instances) {
        futures.add(
            pool.submit(
                () -> {
                  List<String> bodies = new ArrayList<>();
                  for (int i = 0; i < perInstance; i++) {
                    var sink = call(instance, request("GET", path, InputStream.nullInputStream()));
                    assertThat(sink.status).isEqualTo(200);
                    bodies.add(body(sink).strip());
                  }
                  return bodies;
                }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    }
  }

  private static List<String> lines(String body) {
    return body.isEmpty() ? List.of() : List.of(body.split("\n"));
  }

  private static Optional<String> header(HttpHandlerInvokerTest.RecordingSink sink, String name) {
    return sink.headers.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(HttpField::valueLatin1)
        .findFirst();
  }

  @Test
  void loggingAndStdioReachTheAppLog() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    var sink =
        call(
            invoker("logging", WasiHost.builder("logs").log(log).build()),
            request("GET", "/", InputStream.nullInputStream()));
    assertThat(body(sink)).isEqualTo("logged\n");
    assertThat(log.records())
        .extracting(LogRecord::level, LogRecord::context)
        .contains(
            Tuple.tuple(LogLevel.TRACE, "logging-fixture"),
            Tuple.tuple(LogLevel.CRITICAL, "logging-fixture"),
            Tuple.tuple(LogLevel.INFO, "stdout"),
            Tuple.tuple(LogLevel.ERROR, "stderr"));
    assertThat(log.records()).extracting(LogRecord::message).contains("stdout line", "stderr line");
  }

  @Test
  void anAppNotGrantedLoggingStillRunsButItsLoggingCallsGoNowhere() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    Set<Capability> withoutLogging = EnumSet.complementOf(EnumSet.of(Capability.LOGGING));
    var sink =
        call(
            invoker("logging", WasiHost.builder("logs").log(log).capabilities(withoutLogging).build()),
            request("GET", "/", InputStream.nullInputStream()));
    assertThat(body(sink)).isEqualTo("logged\n");
    assertThat(log.records())
        .extracting(LogRecord::context)
        .containsOnly("stdout", "stderr")
        .isNotEmpty();
  }
}
