package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enclave's compiled-code cache on the host's disk, edited while the enclave is stopped: the
 * edit is caught and said, the classes are not loaded, and the app comes back compiled afresh.
 */
class EnclaveCodeCacheTest {
  private static final Path FIXTURES = Path.of("..", "fixtures", "http", "build");

  @TempDir Path dir;

  @Test
  void anEditedCacheEntryIsRefusedAndTheAppRecompiled() throws Exception {
    Path data = dir.resolve("data");
    try (EnclaveProcess enclave = EnclaveProcess.start(data, "enclave.test");
        EnclaveClient client = enclave.client()) {
      client.deploy(
          DeploymentSpec.of("hello", "/hello", Optional.empty()),
          FIXTURES.resolve("hello.component.wasm"));
    }
    List<Path> entries;
    try (Stream<Path> files = Files.walk(data.resolve("code-cache"))) {
      entries = files.filter(Files::isRegularFile).toList();
    }
    assertThat(entries).isNotEmpty();
    for (Path f : entries) {
      byte[] bytes = Files.readAllBytes(f);
      bytes[bytes.length - 1] ^= 1; // one bit of the class bytes
      Files.write(f, bytes);
    }
    try (EnclaveProcess again = EnclaveProcess.start(data, "enclave.test");
        HttpClient http = again.https()) {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(again.apps.resolve("/hello/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.body()).isEqualTo("Hello, world!\n");
      assertThat(again.output())
          .anyMatch(l -> l.contains("fails its MAC: altered or moved on the host; recompiling"));
    }
  }
}
