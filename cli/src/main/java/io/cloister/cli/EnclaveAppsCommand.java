package io.cloister.cli;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import io.cloister.enclave.protocol.AppStatus;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloister enclave apps}: the apps a running enclave serves. */
@Command(name = "apps", mixinStandardHelpOptions = true, description = "List the deployed apps.")
public final class EnclaveAppsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Mixin EnclaveConnection connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EnclaveClient client = connection.connect()) {
      List<AppStatus> apps = client.apps();
      if (json) {
        out.println(ProtocolJson.appsToJson(apps).toPrettyString());
      } else if (apps.isEmpty()) {
        out.println("no apps deployed");
      } else {
        out.printf("%-20s %-16s %-30s %-6s %s%n", "NAME", "PREFIX", "HOST NAME", "SERVES", "CODE HASH");
        for (AppStatus a : apps) {
          out.printf(
              "%-20s %-16s %-30s %-6s %s%n",
              a.name(), a.routePrefix(), a.hostName().orElse(""), a.serving(), a.codeHash());
        }
      }
      out.flush();
      return 0;
    } catch (EnclaveClientException | IOException | CliUsageException e) {
      spec.commandLine().getErr().println("cloister enclave apps: " + e.getMessage());
      return 1;
    }
  }
}
