package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at a random moment while a client increments a counter through a real
 * component, twenty rounds: after each restart the counter holds every increment the client was
 * told succeeded (and at most the ones in flight besides).
 */
class EnclaveKillTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");
  private static final int ROUNDS = 20;
  private static final int CLIENTS = 2;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
    Path data = dir.resolve("data");
    Random random = new Random(20261204L);
    try (EnclaveProcess first = EnclaveProcess.start(data, "enclave.test");
        EnclaveClient client = first.client()) {
      client.deploy(
          DeploymentSpec.of("counter", "/counter", Optional.empty()),
          FIXTURES.resolve("kv-counter.component.wasm"));
    }
    long acknowledged = 0; // increments the clients were answered for, over all rounds
    for (int round = 0; round < ROUNDS; round++) {
      EnclaveProcess enclave = EnclaveProcess.start(data, "enclave.test");
      URI uri = enclave.apps.resolve("/counter/acked");
      HttpClient http = enclave.https();
      // The first answer of a round tells what the restart kept: every acknowledged increment,
      // plus at most one per client that was in flight when the process died.
      long kept = increment(http, uri) - 1;
      assertThat(kept).as("round %d", round).isBetween(acknowledged, acknowledged + CLIENTS);
      acknowledged = kept + 1;
      AtomicLong answered = new AtomicLong();
      Thread[] clients = new Thread[CLIENTS];
      for (int c = 0; c < CLIENTS; c++) {
        clients[c] =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        while (true) {
                          increment(http, uri);
                          answered.incrementAndGet();
                        }
                      } catch (Exception killed) {
                        // the enclave died under us: what was answered before counts
                      }
                    });
      }
      Thread.sleep(200 + random.nextInt(800));
      enclave.process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      assertThat(enclave.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Thread t : clients) {
        t.join(30_000);
      }
      http.close();
      acknowledged += answered.get();
    }
    assertThat(acknowledged).isGreaterThan(ROUNDS);
  }

  private static long increment(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> res =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(res.statusCode() + " " + res.body());
    }
    return Long.parseLong(res.body().strip());
  }
}
