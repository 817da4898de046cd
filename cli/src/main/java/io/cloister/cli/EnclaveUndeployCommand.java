package io.cloister.cli;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister enclave undeploy NAME}: removes an app from a running enclave. */
@Command(name = "undeploy", mixinStandardHelpOptions = true, description = "Remove a deployed app.")
public final class EnclaveUndeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The app.")
  String name;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Mixin EnclaveConnection connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EnclaveClient client = connection.connect()) {
      DeployResult result = client.undeploy(name);
      if (json) {
        out.println(ProtocolJson.toJson(result).toPrettyString());
      } else {
        out.println("undeployed " + name);
        out.println("  merkle root:  " + result.merkleRoot());
        out.println("  enclave cert: " + result.enclaveCertificateFingerprint());
      }
      out.flush();
      return 0;
    } catch (EnclaveClientException | IOException | CliUsageException e) {
      spec.commandLine().getErr().println("cloister enclave undeploy: " + e.getMessage());
      return 1;
    }
  }
}
