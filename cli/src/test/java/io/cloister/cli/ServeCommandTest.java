package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloister serve}, run in-process on an ephemeral port with the WAT fixtures. */
class ServeCommandTest {
  private static final Path BUILD = Path.of("..", "fixtures", "http", "build");

  @TempDir Path dir;

  @Test
  void servesAComponentUntilInterrupted() throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    AtomicInteger exit = new AtomicInteger(-1);
    Path kv = dir.resolve("kv");
    Thread serve =
        new Thread(
            () ->
                exit.set(
                    cl.execute(
                        "serve",
                        BUILD.resolve("kv-counter.component.wasm").toString(),
                        "--port",
                        "0",
                        "--kv-dir",
                        kv.toString(),
                        "--env",
                        "A=B")));
    serve.start();
    URI uri = awaitUri(out);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> first =
        client.send(
            HttpRequest.newBuilder(uri.resolve("/x")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> second =
        client.send(
            HttpRequest.newBuilder(uri.resolve("/x")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(first.body()).isEqualTo("1\n");
    assertThat(second.body()).isEqualTo("2\n");
    serve.interrupt();
    serve.join(Duration.ofSeconds(30));
    assertThat(exit.get()).isZero();
    // --kv-dir keeps the counter on disk
    assertThat(Files.walk(kv).filter(Files::isRegularFile).count()).isPositive();
  }

  @Test
  void missingFileIsAClearError() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("serve", dir.resolve("nope.wasm").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file").contains("nope.wasm");
  }

  @Test
  void aReadTimeoutBelowOneSecondIsAClearError() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("serve", "--read-timeout", "0", dir.resolve("any.wasm").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--read-timeout must be at least 1 second");
  }

  @Test
  void aComponentImportingAWasiFunctionWithAnotherSignatureExitsBeforeListening() {
    // fixtures/link: wasi:clocks/wall-clock@0.2.0 now imported as returning a u64.
    Path wrong = Path.of("..", "fixtures", "link", "build", "wrong-result.component.wasm");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    // execute returns instead of serving until interrupted: it never listened.
    assertThat(cl.execute("serve", wrong.toString(), "--port", "0")).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "function wasi:clocks/wall-clock@0.2.0#now is imported as func() -> u64 but the host"
                + " defines func() -> record { seconds: u64, nanoseconds: u32 }");
  }

  @Test
  void notAComponentIsAClearError() throws Exception {
    Path junk = Files.write(dir.resolve("junk.wasm"), new byte[] {0, 'a', 's', 'm', 1, 2, 3});
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("serve", junk.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("not a valid component");
  }

  @Test
  void maxMemoryReachesTheEngine() {
    // hello declares 2 initial pages (128 KiB): under a 64 KiB cap it cannot start
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    String hello = BUILD.resolve("hello.component.wasm").toString();
    assertThat(cl.execute("serve", hello, "--port", "0", "--max-memory", "64k")).isEqualTo(1);
    assertThat(err.toString())
        .contains("hello.component.wasm")
        .contains("initial memory of 131072 bytes")
        .contains("memory cap of 65536 bytes");
  }

  @Test
  void badMemorySizesAreClearErrors() {
    String hello = BUILD.resolve("hello.component.wasm").toString();
    for (String bad : new String[] {"lots", "12x", "-5", "1.5g", "", "0", "1k"}) {
      CommandLine cl = Main.commandLine();
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute("serve", hello, "--max-memory", bad)).as(bad).isEqualTo(2);
      assertThat(err.toString())
          .as(bad)
          .contains("Invalid value for option '--max-memory'")
          .contains("'" + bad + "'");
    }
  }

  private static URI awaitUri(StringWriter out) throws InterruptedException {
    Pattern serving = Pattern.compile("serving .* on (http://127\\.0\\.0\\.1:\\d+/)");
    for (int i = 0; i < 1200; i++) {
      Matcher m = serving.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start: " + out);
  }
}
