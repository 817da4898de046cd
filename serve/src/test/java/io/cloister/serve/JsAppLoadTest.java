package io.cloister.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.serve.guest.ComponentGuests;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.logging.LogRecord;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The componentize-js app (fixtures/http/js-app, built by scripts/build-js-app.sh) under load: N
 * sequential then N concurrent requests on one counter, every answer checked, the counter
 * consistent, one log line per request. Slow (compiling the 13 MB component alone took about three
 * minutes on a loaded 2-core machine), so it runs in profile {@code js-app}: {@code ./mvnw -B
 * -Pjs-app -pl serve -am verify}; {@code -Djsapp.requests=N} (default 10000). On Chicory here, on
 * GraalWasm in {@link JsAppLoadOnGraalWasmTest}.
 */
@Tag("js-app")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsAppLoadTest {
  private static final Path APP =
      Path.of("..", "fixtures", "http", "js-app", "build", "app.component.wasm");
  private static final int REQUESTS = Integer.getInteger("jsapp.requests", 10_000);
  private final ConcurrentLinkedQueue<LogRecord> log = new ConcurrentLinkedQueue<>();
  private WasiHttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  /** The engine the app runs on. */
  EngineOptions engine() {
    return EngineOptions.compiled();
  }

  @BeforeAll
  void start() throws Exception {
    WasiHost host = WasiHost.builder("js-app").log(log::add).build();
    server =
        WasiHttpServer.start(
            ComponentGuests.compile(Files.readAllBytes(APP), host, engine()),
            ServeOptions.defaults()
                .withPort(0)
                .withDeadlines(Duration.ofSeconds(60), Duration.ofSeconds(120)));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpRequest count(String name) {
    return HttpRequest.newBuilder(server.uri().resolve("/count/" + name)).build();
  }

  @Test
  void sequentialThenConcurrentRequestsKeepTheCounterConsistent() throws Exception {
    for (int i = 1; i <= REQUESTS; i++) {
      HttpResponse<String> response =
          client.send(count("seq"), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(i + "\n");
    }

    Semaphore inFlight = new Semaphore(64);
    List<CompletableFuture<String>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < REQUESTS; i++) {
        inFlight.acquire();
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    HttpResponse<String> r =
                        client.send(count("par"), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    return r.body().strip();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  } finally {
                    inFlight.release();
                  }
                },
                threads));
      }
    }
    Set<Long> values =
        answers.stream()
            .map(CompletableFuture::join)
            .map(Long::parseLong)
            .collect(Collectors.toSet());
    // every increment answered a distinct value: 1..N, none lost, none repeated
    assertThat(values)
        .isEqualTo(LongStream.rangeClosed(1, REQUESTS).boxed().collect(Collectors.toSet()));

    long logged =
        log.stream()
            .filter(r -> r.context().equals("js-app") && r.message().startsWith("GET /count/"))
            .count();
    assertThat(logged).isEqualTo(2L * REQUESTS);
  }
}
