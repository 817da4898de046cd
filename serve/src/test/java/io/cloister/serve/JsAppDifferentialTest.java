package io.cloister.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.engine.graalwasm.component.GraalWasmCoreEngine;
import io.cloister.serve.guest.ComponentGuests;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.logging.LogRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JS app's routes on both engines: the same requests to a server on Chicory and one on
 * GraalWasm, and every answer (status, content type, body) and the app's log compared between
 * them. Profile {@code js-app}, like {@link JsAppLoadTest}.
 */
@Tag("js-app")
class JsAppDifferentialTest {
  private static final Path APP =
      Path.of("..", "fixtures", "http", "js-app", "build", "app.component.wasm");
  private final HttpClient client = HttpClient.newHttpClient();

  /** What one server answered to the requests, in order, and what the app logged. */
  private record Run(List<String> answers, List<String> log) {}

  /** One request, and the body it must get back when it is an echo (else null). */
  private record Probe(HttpRequest request, byte[] echoed) {}

  @Test
  void bothEnginesAnswerEveryRouteAlike() throws Exception {
    Run chicory = run(EngineOptions.compiled());
    Run graal = run(new EngineOptions(GraalWasmCoreEngine.shared(), EngineOptions.NO_MEMORY_CAP));
    assertThat(chicory.answers()).hasSize(probes(URI.create("http://localhost/")).size());
    assertThat(chicory.answers()).allMatch(a -> a.startsWith("200 "));
    assertThat(graal.answers()).containsExactlyElementsOf(chicory.answers());
    assertThat(graal.log()).isNotEmpty().containsExactlyElementsOf(chicory.log());
  }

  /** Every route, counters, and echoes of bodies from empty to 1 MiB, against {@code base}. */
  private static List<Probe> probes(URI base) {
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(HttpRequest.newBuilder(base.resolve("/")).build(), null));
    out.add(new Probe(HttpRequest.newBuilder(base.resolve("/other/path?x=1&y=%20z")).build(), null));
    for (int i = 0; i < 3; i++) {
      out.add(new Probe(HttpRequest.newBuilder(base.resolve("/count/a")).build(), null));
    }
    out.add(new Probe(HttpRequest.newBuilder(base.resolve("/count/b?ignored=query")).build(), null));
    // any method counts
    out.add(new Probe(HttpRequest.newBuilder(base.resolve("/count/a")).DELETE().build(), null));
    Random random = new Random(20261204);
    for (int size : new int[] {0, 1, 7, 4096, 65_536, 1 << 20}) {
      byte[] body = new byte[size];
      random.nextBytes(body);
      out.add(
          new Probe(
              HttpRequest.newBuilder(base.resolve("/echo"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              body));
    }
    // only POST echoes
    out.add(
        new Probe(
            HttpRequest.newBuilder(base.resolve("/echo"))
                .PUT(HttpRequest.BodyPublishers.ofString("not echoed"))
                .build(),
            null));
    return out;
  }

  private Run run(EngineOptions engine) throws Exception {
    ConcurrentLinkedQueue<LogRecord> log = new ConcurrentLinkedQueue<>();
    WasiHost host = WasiHost.builder("js-app").log(log::add).build();
    try (WasiHttpServer server =
        WasiHttpServer.start(
            ComponentGuests.compile(Files.readAllBytes(APP), host, engine),
            ServeOptions.defaults()
                .withPort(0)
                .withDeadlines(Duration.ofSeconds(60), Duration.ofSeconds(120)))) {
      List<String> answers = new ArrayList<>();
      for (Probe probe : probes(server.uri())) {
        HttpRequest request = probe.request();
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (probe.echoed() != null) {
          assertThat(r.body()).as("echo of %d bytes", probe.echoed().length).isEqualTo(probe.echoed());
        }
        answers.add(
            r.statusCode()
                + " "
                + request.method()
                + " "
                + request.uri().getRawPath()
                + " "
                + r.headers().firstValue("content-type").orElse("-")
                + " "
                + r.body().length
                + " "
                + digest(r.body()));
      }
      List<String> messages =
          log.stream()
              .filter(e -> e.context().equals("js-app"))
              .map(e -> e.level() + " " + e.message())
              .toList();
      return new Run(answers, messages);
    }
  }

  private static String digest(byte[] body) throws Exception {
    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(body);
    return HexFormat.of().formatHex(Arrays.copyOf(d, 8));
  }
}
