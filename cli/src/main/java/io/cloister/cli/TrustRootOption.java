package io.cloister.cli;

import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.verify.TrustRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --simulation-root} option of the commands that verify quotes, and the roots it gives. */
final class TrustRootOption {

  @Option(
      names = "--simulation-root",
      paramLabel = "PEM-FILE",
      description =
          "trust this simulation root CA as well (quotes under it are reported as simulated)")
  Path simulationRoot;

  /** The Intel SGX root, and the simulation root when the option names one. */
  List<TrustRoot> roots() throws IOException, PckCertificateException {
    List<TrustRoot> roots = new ArrayList<>(List.of(TrustRoot.intel()));
    if (simulationRoot != null) {
      roots.add(
          TrustRoot.simulation(
              PemCertificates.parse(Files.readString(simulationRoot, StandardCharsets.US_ASCII))
                  .get(0)));
    }
    return roots;
  }
}
