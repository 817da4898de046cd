package io.cloister.cli;

import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code cloister enclave} process for tests: a JVM of its own, started with the test's
 * class path, its listeners found from what it prints, stopped with SIGTERM.
 */
final class EnclaveProcess implements AutoCloseable {
  private static final Pattern APPS = Pattern.compile("\\s+apps:\\s+(https://\\S+)");
  private static final Pattern MANAGE = Pattern.compile("\\s+management:\\s+(https://\\S+)");
  private static final Pattern MRENCLAVE = Pattern.compile("\\s+MRENCLAVE:\\s+([0-9a-f]{64})");

  final Process process;
  final URI apps;
  final URI manage;
  final String mrEnclave;
  final Path dataDir;
  private final List<String> output;
  private final Thread reader;

  private EnclaveProcess(
      Process process,
      URI apps,
      URI manage,
      String mrEnclave,
      Path dataDir,
      List<String> output,
      Thread reader) {
    this.reader = reader;
    this.process = process;
    this.apps = apps;
    this.manage = manage;
    this.mrEnclave = mrEnclave;
    this.dataDir = dataDir;
    this.output = output;
  }

  /**
   * Starts an enclave on free ports over {@code dataDir}, with {@code options} added to its command
   * line, waiting until it serves.
   */
  static EnclaveProcess start(Path dataDir, String hostName, String... options) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                javaBin.toString(),
                "-Xss8m",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.cloister.cli.Main",
                "enclave",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "0",
                "--manage-port",
                "0",
                "--host-name",
                hostName,
                "--stop-grace",
                "20"));
    command.addAll(List.of(options));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                      output.add(line);
                      lines.add(line);
                    }
                  } catch (IOException closed) {
                    // the process ended
                  }
                });
    URI apps = null;
    URI manage = null;
    String mr = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (apps == null || manage == null || mr == null) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        p.destroyForcibly();
        throw new IllegalStateException("the enclave did not start: " + output);
      }
      Matcher m;
      if ((m = APPS.matcher(line)).matches()) {
        apps = URI.create(m.group(1));
      } else if ((m = MANAGE.matcher(line)).matches()) {
        manage = URI.create(m.group(1));
      } else if ((m = MRENCLAVE.matcher(line)).matches()) {
        mr = m.group(1);
      }
    }
    return new EnclaveProcess(p, apps, manage, mr, dataDir, output, reader);
  }

  /** What the process printed so far (standard output and error), for error messages and checks. */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** A management client that verifies this enclave (simulation allowed) and holds its token. */
  io.cloister.enclave.client.EnclaveClient client() throws Exception {
    return io.cloister.enclave.client.EnclaveClient.connect(
        manage,
        io.cloister.enclave.client.EnclaveClient.readToken(tokenFile()),
        verifier(),
        io.cloister.attestation.ratls.RaTlsExpectations.none(),
        Duration.ofSeconds(30));
  }

  /** An HTTPS client for the apps that verifies every RA-TLS certificate it is served. */
  java.net.http.HttpClient https() throws Exception {
    return java.net.http.HttpClient.newBuilder()
        .sslContext(
            io.cloister.attestation.ratls.RaTlsContexts.client(
                new io.cloister.attestation.ratls.RaTlsTrustManager(
                    verifier(), io.cloister.attestation.ratls.RaTlsExpectations.none())))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The token file. */
  Path tokenFile() {
    return dataDir.resolve("manager-token");
  }

  private SimulationAuthority authority() throws Exception {
    return SimulationAuthority.loadOrCreate(dataDir.resolve("simulation"));
  }

  /** A verifier that trusts this enclave's simulation root and accepts simulated quotes. */
  RaTlsVerifier verifier() throws Exception {
    SimulationAuthority a = authority();
    return new RaTlsVerifier(
        new DcapQuoteAppraiser(
            new QuoteVerifier(List.of(TrustRoot.intel(), a.trustRoot())),
            a.collateral(Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of()),
            AppraisalPolicy.builder().allowSimulated(true).build(),
            Clock.systemUTC()),
        Clock.systemUTC());
  }

  /** Stops the process with SIGTERM and waits for it, reading what it prints while it stops. */
  int stop() throws InterruptedException {
    // Through the handle: Process.destroy() also closes our end of the pipe, so the enclave's last
    // lines would be lost (and its writes fail with a broken pipe).
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the enclave did not stop within 60 s: " + output());
    }
    reader.join(10_000); // its last lines
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
