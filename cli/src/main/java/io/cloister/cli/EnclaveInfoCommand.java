package io.cloister.cli;

import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import io.cloister.enclave.protocol.EnclaveInfo;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloister enclave info}: a running enclave's measurement, attester, root, certificates. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show what an enclave says about itself.")
public final class EnclaveInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Mixin EnclaveConnection connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EnclaveClient client = connection.connect()) {
      EnclaveInfo info = client.info();
      if (json) {
        out.println(ProtocolJson.toJson(info).toPrettyString());
      } else {
        out.println("enclave " + info.hostName() + " (" + info.attester() + (info.simulated() ? ", SIMULATED" : "") + ")");
        out.println("  MRENCLAVE:    " + info.mrEnclave());
        out.println("  MRSIGNER:     " + info.mrSigner());
        out.println("  merkle root:  " + info.merkleRoot());
        out.println("  enclave cert: " + info.enclaveCertificateFingerprint());
        out.println("  apps:         " + info.apps());
        out.println("  certs until:  " + info.certificatesNotAfter());
      }
      out.flush();
      return 0;
    } catch (EnclaveClientException | IOException | CliUsageException e) {
      spec.commandLine().getErr().println("cloister enclave info: " + e.getMessage());
      return 1;
    }
  }
}
