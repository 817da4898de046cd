package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed key-value store through a real component in a real enclave: eight parallel clients
 * incrementing one counter lose nothing, the count survives a restart, and no file under the data
 * directory holds the key's name in the clear.
 */
class EnclaveKeyValueTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");
  private static final String MARKER = "marker-5c1e-counter";

  @TempDir Path dir;

  private static long count(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> res =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return Long.parseLong(res.body().strip());
  }

  @Test
  void parallelIncrementsAreExactDurableAndNeverInTheClearOnTheHost() throws Exception {
    Path data = dir.resolve("data");
    try (EnclaveProcess enclave = EnclaveProcess.start(data, "enclave.test")) {
      try (EnclaveClient client = enclave.client()) {
        client.deploy(
            new DeploymentSpec("counter", "/counter", Optional.empty(), Map.of(), List.of()),
            FIXTURES.resolve("kv-counter.component.wasm"));
      }
      URI uri = enclave.apps.resolve("/counter/" + MARKER);
      try (HttpClient http = enclave.https()) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          done.add(
              pool.submit(
                  () -> {
                    long last = 0;
                    for (int i = 0; i < 25; i++) {
                      last = count(http, uri);
                    }
                    return last;
                  }));
        }
        for (Future<Long> f : done) {
          assertThat(f.get()).isBetween(25L, 200L);
        }
        pool.shutdown();
        assertThat(count(http, uri)).isEqualTo(201);
      }
    }
    try (EnclaveProcess again = EnclaveProcess.start(data, "enclave.test");
        HttpClient http = again.https()) {
      assertThat(count(http, again.apps.resolve("/counter/" + MARKER))).isEqualTo(202);
    }
    byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(new String(marker, StandardCharsets.ISO_8859_1));
      }
    }
  }
}
