package io.cloister.cli;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import io.cloister.enclave.protocol.AppLimitsSpec;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister enclave deploy FILE}: deploys (or redeploys) an app to a running enclave. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Deploy a component (.wasm) or .cwasm to an enclave; an existing name is redeployed.")
public final class EnclaveDeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The artifact.")
  Path file;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The app's name.")
  String name;

  @Option(
      names = "--route-prefix",
      required = true,
      paramLabel = "/PREFIX",
      description = "Where the app answers, e.g. /hello.")
  String routePrefix;

  @Option(
      names = "--host-name",
      paramLabel = "H",
      description = "The app's host name (its SNI); default NAME.ENCLAVE-HOST.")
  String hostName;

  @Option(names = "--env", paramLabel = "K=V", description = "An environment variable (repeatable).")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--capability",
      paramLabel = "IFACE",
      description = "An interface the app may use, e.g. wasi:logging/logging (repeatable; default: all six).")
  List<String> capabilities = new ArrayList<>();

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "The core engine the app runs on: chicory or graalwasm (default: the enclave's).")
  String engine;

  @Option(
      names = "--deadline",
      paramLabel = "DURATION",
      description = "How long a request may take to answer (ISO-8601, e.g. PT2S; default: the enclave's).")
  java.time.Duration deadline;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      converter = MemorySizeConverter.class,
      description = "Linear memory one instance may hold, e.g. 64m (default and most: the enclave's).")
  Long maxMemory;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      converter = MemorySizeConverter.class,
      description = "The largest request body accepted, e.g. 1m (default: the enclave's).")
  Long maxBody;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      description = "Requests served at once; more get 503 (default: the enclave's).")
  Integer maxConcurrent;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Mixin EnclaveConnection connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("cloister enclave deploy: no such file: " + file);
      return 2;
    }
    DeploymentSpec deployment =
        new DeploymentSpec(
            name,
            routePrefix,
            Optional.ofNullable(hostName),
            env,
            capabilities,
            Optional.ofNullable(engine),
            new AppLimitsSpec(
                Optional.ofNullable(deadline).map(java.time.Duration::toMillis),
                Optional.ofNullable(maxMemory),
                Optional.ofNullable(maxBody),
                Optional.ofNullable(maxConcurrent)));
    try (EnclaveClient client = connection.connect()) {
      DeployResult result = client.deploy(deployment, file);
      if (json) {
        out.println(ProtocolJson.toJson(result).toPrettyString());
      } else {
        out.println((result.redeploy() ? "redeployed " : "deployed ") + name + " at " + routePrefix);
        out.println("  code hash:    " + result.app().codeHash());
        out.println("  host name:    " + result.app().hostName().orElse(""));
        out.println("  merkle root:  " + result.merkleRoot());
        out.println("  enclave cert: " + result.enclaveCertificateFingerprint());
        out.println("  app cert:     " + result.app().certificateFingerprint());
      }
      out.flush();
      return 0;
    } catch (EnclaveClientException | IOException | CliUsageException e) {
      err.println("cloister enclave deploy: " + e.getMessage());
      return 1;
    }
  }
}
