package io.cloister.cli;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import io.cloister.enclave.logs.LogLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister enclave logs NAME [-f]}: an app's log, and with {@code -f} its live tail. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print an app's log.")
public final class EnclaveLogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The app.")
  String name;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until stopped.")
  boolean follow;

  @Mixin EnclaveConnection connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EnclaveClient client = connection.connect()) {
      client.logs(
          name,
          follow,
          entry -> {
            out.println(LogLines.format(entry));
            out.flush();
          });
      return 0;
    } catch (EnclaveClientException | IOException | CliUsageException e) {
      spec.commandLine().getErr().println("cloister enclave logs: " + e.getMessage());
      return 1;
    }
  }
}
