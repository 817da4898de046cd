package io.cloister.wasi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentTrapException;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.keyvalue.InMemoryKeyValueBuckets;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import io.cloister.wasi.logging.RecentAppLog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The wasi:http handler components of {@code fixtures/http} (WAT, built by
 * scripts/build-http-fixtures.sh) run through {@link HttpHandlerInvoker} on the real runtime.
 */
class HttpFixtureComponentsTest {
  private static final Map<String, Component> COMPILED = new ConcurrentHashMap<>();

  private static Component component(String name) {
    return COMPILED.computeIfAbsent(
        name,
        n -> {
          try {
            Path file = Path.of("..", "fixtures", "http", "build", n + ".component.wasm");
            return Component.compile(Files.readAllBytes(file), EngineOptions.compiled());
          } catch (Exception e) {
            throw new IllegalStateException("cannot load fixture " + n, e);
          }
        });
  }

  private static HttpHandlerInvoker invoker(String name, WasiHost host) throws Exception {
    WasiContext ctx = host.newContext();
    Linker linker = new Linker();
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
  void aTrapFailsTheResponseAndIsRethrown() throws Exception {
    HttpHandlerInvokerTest.RecordingSink sink = new HttpHandlerInvokerTest.RecordingSink();
    HttpHandlerInvoker trap = invoker("trap", WasiHost.builder("trap").build());
    assertThatThrownBy(() -> trap.handle(request("GET", "/", InputStream.nullInputStream()), sink))
        .isInstanceOf(ComponentTrapException.class);
    assertThat(sink.events).containsExactly("fail");
    assertThat(sink.failure.kind()).isEqualTo(ErrorCode.Kind.INTERNAL_ERROR);
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
}
