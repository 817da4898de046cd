package io.cloister.cli;

import io.cloister.enclave.Enclave;
import io.cloister.enclave.EnclaveOptions;
import io.cloister.enclave.EnclaveStartException;
import io.cloister.engine.graalwasm.component.EngineChoice;
import io.cloister.serve.AppLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloister enclave}: runs the enclave runtime until stopped (Ctrl-C or SIGTERM: requests in
 * flight finish within the grace, then it exits); its subcommands drive a running enclave.
 */
@Command(
    name = "enclave",
    mixinStandardHelpOptions = true,
    description = {
      "Run the enclave runtime: many apps deployed live over an attested management channel,",
      "each served over HTTPS with its own RA-TLS certificate. Subcommands drive a running one."
    },
    subcommands = {
      EnclaveDeployCommand.class,
      EnclaveAppsCommand.class,
      EnclaveUndeployCommand.class,
      EnclaveLogsCommand.class,
      EnclaveInfoCommand.class
    })
public final class EnclaveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the enclave keeps its state (default ~/.cloister/enclave).")
  Path dataDir;

  @Option(names = "--port", paramLabel = "N", description = "The apps' HTTPS port (default ${DEFAULT-VALUE}).")
  int port = 8443;

  @Option(
      names = "--manage-port",
      paramLabel = "N",
      description = "The management API's HTTPS port (default ${DEFAULT-VALUE}).")
  int managePort = 9443;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "The address to listen on (default ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(
      names = "--attester",
      paramLabel = "KIND",
      description = "simulated (default; proves nothing about hardware) or gramine (under Gramine-SGX).")
  String attester = "simulated";

  @Option(
      names = "--host-name",
      paramLabel = "NAME",
      description = "The enclave's host name (default ${DEFAULT-VALUE}); apps default to APP.NAME.")
  String hostName = "localhost";

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "The core engine apps run on: auto (default: GraalWasm for components of 4 MiB and"
              + " more, Chicory for smaller ones; ADR 0012), chicory or graalwasm. A deployment"
              + " may name its own.")
  String engine = "auto";

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      converter = MemorySizeConverter.class,
      description = {
        "Linear memory one instance of any app may hold, all its memories together: bytes or 64k,"
            + " 512m, 1g (default 256m). Growth beyond it is refused (the app usually traps: 500)."
      })
  long maxMemory = AppLimits.DEFAULT_MAX_MEMORY_BYTES;

  @Option(
      names = "--stop-grace",
      paramLabel = "SECONDS",
      description = "How long requests in flight may take to finish when stopping (default ${DEFAULT-VALUE}).")
  int stopGraceSeconds = 10;

  @Option(
      names = "--pccs",
      paramLabel = "URL",
      description =
          "Under Gramine: the PCCS the enclave fetches its quotes' collateral from, to offer it at"
              + " /.well-known/cloister/collateral (default: Intel's PCS).")
  java.net.URI pccs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EnclaveOptions options;
    try {
      options =
          new EnclaveOptions(
              dataDir == null ? EnclaveOptions.defaultDataDir() : dataDir,
              bind,
              port,
              managePort,
              attester,
              hostName,
              engine.equals("auto") ? Optional.empty() : Optional.of(EngineChoice.parse(engine)),
              EnclaveOptions.defaults(Path.of(".")).maxArtifactBytes(),
              maxMemory,
              Duration.ofSeconds(stopGraceSeconds),
              Optional.ofNullable(pccs));
    } catch (IllegalArgumentException e) {
      err.println("cloister enclave: " + e.getMessage());
      return 2;
    }
    Enclave enclave;
    try {
      enclave = Enclave.start(options, System.out);
    } catch (EnclaveStartException e) {
      err.println("cloister enclave: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                closed.await(); // the JVM exits once the enclave has closed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      printStarted(out, enclave);
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      out.println("stopping: requests in flight get up to " + stopGraceSeconds + " s");
      out.flush();
      enclave.close();
      closed.countDown();
    }
    return 0;
  }

  private static void printStarted(PrintWriter out, Enclave enclave) {
    var id = enclave.identity();
    out.println("cloister enclave");
    out.println("  apps:        " + enclave.appsUri());
    out.println("  management:  " + enclave.manageUri());
    out.println("  data:        " + enclave.options().dataDir());
    out.println(
        "  token:       "
            + enclave.token().file()
            + (enclave.token().created() ? " (created now, mode 0600)" : ""));
    out.println("  attester:    " + id.attester());
    out.println("  MRENCLAVE:   " + id.mrEnclaveHex());
    out.println("  MRSIGNER:    " + id.mrSignerHex());
    out.println("  apps running: " + enclave.deployer().running().size());
    if (id.simulated()) {
      out.println(
          "  WARNING: SIMULATED attestation: its quotes prove nothing about hardware; verifiers"
              + " refuse it unless told --allow-simulated");
    }
    out.flush();
  }
}
