package io.cloister.cli;

import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.CollateralFetchException;
import io.cloister.attestation.collateral.CollateralFormatException;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.probe.OfferedAppraiser;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.QuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.client.EnclaveClientException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every {@code cloister enclave} client command shares: where the enclave's management
 * API is, the token, and the policy its attestation must pass before anything is sent.
 */
final class EnclaveConnection {
  @Option(
      names = "--enclave",
      paramLabel = "URL",
      required = true,
      description = "The enclave's management API, https://HOST:MANAGE-PORT.")
  URI enclave;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      required = true,
      description = "The manager token (the enclave's DATA/manager-token).")
  Path tokenFile;

  @Option(
      names = "--allow-simulated",
      description = "Accept a simulated enclave (its quotes prove nothing about hardware).")
  boolean allowSimulated;

  @Option(
      names = "--mrenclave",
      paramLabel = "HEX",
      description = "The enclave measurement to require.")
  String mrEnclave;

  @Option(
      names = "--collateral",
      paramLabel = "FILE",
      description =
          "Collateral bundle (JSON) to appraise the enclave's quote with (default: the one the"
              + " enclave offers).")
  Path collateralFile;

  @Mixin TrustRootOption trustRoots;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      description = "Connect and answer timeout (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  /** Verifies the enclave and connects. */
  EnclaveClient connect() throws EnclaveClientException, IOException, CliUsageException {
    RaTlsExpectations expected = RaTlsExpectations.none();
    if (mrEnclave != null) {
      try {
        expected = expected.withMrEnclave(HexFormat.of().parseHex(mrEnclave));
      } catch (IllegalArgumentException e) {
        throw new CliUsageException("--mrenclave is not hex: " + e.getMessage());
      }
    }
    return EnclaveClient.connect(
        enclave,
        EnclaveClient.readToken(tokenFile),
        new RaTlsVerifier(appraiser(), Clock.systemUTC()),
        expected,
        timeout);
  }

  private QuoteAppraiser appraiser() throws IOException, CliUsageException, EnclaveClientException {
    AppraisalPolicy policy = AppraisalPolicy.builder().allowSimulated(allowSimulated).build();
    if (collateralFile == null) {
      try {
        // Nothing given: appraise with what the enclave offers (it authenticates itself).
        return OfferedAppraiser.fetch(
                enclave.getHost(),
                enclave.getPort() < 0 ? 443 : enclave.getPort(),
                timeout,
                trustRoots.roots(),
                policy,
                Clock.systemUTC())
            .appraiser();
      } catch (CollateralFetchException e) {
        throw new EnclaveClientException(
            "no collateral given (--collateral FILE) and " + e.getMessage(), e);
      } catch (PckCertificateException e) {
        throw new CliUsageException("--simulation-root: " + e.getMessage());
      }
    }
    try {
      Collateral collateral = CollateralBundle.read(collateralFile);
      return new DcapQuoteAppraiser(
          new QuoteVerifier(trustRoots.roots()), collateral, policy, Clock.systemUTC());
    } catch (CollateralFormatException | PckCertificateException e) {
      throw new CliUsageException("--collateral " + collateralFile + ": " + e.getMessage());
    }
  }
}
