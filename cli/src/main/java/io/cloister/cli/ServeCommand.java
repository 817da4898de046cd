package io.cloister.cli;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.engine.CoreEngine;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.runtime.HotSpotJit;
import io.cloister.engine.graalwasm.component.EngineChoice;
import io.cloister.serve.ServeOptions;
import io.cloister.serve.WasiHttpServer;
import io.cloister.serve.guest.ComponentGuests;
import io.cloister.serve.guest.GuestInstantiationException;
import io.cloister.serve.guest.InstancePolicy;
import io.cloister.serve.log.ConsoleAppLog;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.keyvalue.FileKeyValueBuckets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister serve FILE}: serves a wasi:http component over HTTP(S) until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a wasi:http component (its wasi:http/incoming-handler export) on loopback.",
      "App log lines (wasi:logging, stdout, stderr) are printed with time and level."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The component (.wasm).")
  Path file;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks one).")
  int port = 8080;

  @Option(
      names = "--tls",
      description = "Serve HTTPS with a self-signed certificate made at start.")
  boolean tls;

  @Option(
      names = "--env",
      paramLabel = "K=V",
      description = "An environment variable for the app (repeatable).")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--kv-dir",
      paramLabel = "DIR",
      description = "Keep wasi:keyvalue data in DIR (default: in memory).")
  Path kvDir;

  @Option(
      names = "--deadline",
      paramLabel = "SECONDS",
      description = "Seconds an app may take to start its response (default ${DEFAULT-VALUE}).")
  long deadlineSeconds = 10;

  @Option(
      names = "--read-timeout",
      paramLabel = "SECONDS",
      description = {
        "Seconds a client may take to send a request's headers after its request line, however",
        "slowly, before it gets 408 and is disconnected; also the longest pause allowed within",
        "a request body (default ${DEFAULT-VALUE})."
      })
  long readTimeoutSeconds = 30;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      converter = MemorySizeConverter.class,
      description = {
        "Linear memory one app instance may hold, all its memories together: bytes or 64k, 512m,"
            + " 1g (default 256m). Growth beyond it is refused (the app usually traps: 500)."
      })
  long maxMemory = ServeOptions.DEFAULT_MAX_MEMORY_BYTES;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = {
        "The core engine: chicory (default) or graalwasm (needs the launcher's JVMCI flags; without"
            + " them Chicory runs, with a warning)."
      })
  String engine = "chicory";

  @Option(
      names = "--fresh-instances",
      description = "A new instance for every request (default: pooled).")
  boolean fresh;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (readTimeoutSeconds <= 0) {
      err.println("cloister serve: --read-timeout must be at least 1 second");
      return 2;
    }
    EngineChoice choice;
    try {
      choice = EngineChoice.parse(engine);
    } catch (IllegalArgumentException e) {
      err.println("cloister serve: --engine: " + e.getMessage());
      return 2;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("cloister serve: no such file: " + file);
      return 2;
    } catch (IOException e) {
      err.println("cloister serve: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    if (!HotSpotJit.compilesHugeMethods()) {
      err.println(
          "cloister serve: warning: this JVM runs without "
              + HotSpotJit.FLAG
              + ", so big wasm functions stay interpreted (the ./cloister launcher sets it)");
    }
    String appName = file.getFileName().toString().replaceFirst("(\\.component)?\\.wasm$", "");
    WasiHost.Builder host = WasiHost.builder(appName).log(new ConsoleAppLog(System.out));
    env.forEach(host::variable);
    if (kvDir != null) {
      host.keyValue(new FileKeyValueBuckets(kvDir));
    }
    ServeOptions options =
        ServeOptions.defaults().withPort(port).withTls(tls).withMaxMemory(maxMemory);
    options =
        options.withDeadlines(Duration.ofSeconds(deadlineSeconds), options.exchangeDeadline());
    options = options.withTimeouts(options.idleTimeout(), Duration.ofSeconds(readTimeoutSeconds));
    if (fresh) {
      options = options.withPolicy(new InstancePolicy.Fresh());
    }
    ComponentGuests guests;
    try {
      CoreEngine core = choice.engine(w -> err.println("cloister serve: warning: " + w));
      err.flush();
      guests =
          ComponentGuests.compile(
              bytes, host.build(), new EngineOptions(core, options.maxMemoryBytes()));
    } catch (ComponentDecodeException e) {
      err.println("cloister serve: " + file + " is not a valid component: " + e.getMessage());
      return 1;
    } catch (GuestInstantiationException e) {
      err.println("cloister serve: " + file + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    boolean interrupted = false;
    try (WasiHttpServer server = WasiHttpServer.start(guests, options)) {
      Thread hook = new Thread(stopped::countDown);
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("serving " + file + " on " + server.uri());
      out.flush();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        // Stopping is what an interrupt asks for; the flag is restored once the server closed.
        interrupted = true;
      } finally {
        removeHook(hook);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook is running or ran
    }
  }
}
