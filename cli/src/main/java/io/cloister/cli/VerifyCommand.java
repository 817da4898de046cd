package io.cloister.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.CollateralFetchException;
import io.cloister.attestation.freshness.Nonces;
import io.cloister.attestation.collateral.CollateralFormatException;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.probe.OfferedAppraiser;
import io.cloister.attestation.probe.RaTlsProbe;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.enclave.client.DeploymentHistory;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.LogTreeHead;
import javax.net.ssl.SSLContext;
import io.cloister.attestation.ratls.CheckResult;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.QuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsReport;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteReport;
import io.cloister.attestation.verify.QuoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloister verify}: connects to an enclave over TLS trusting nothing but its RA-TLS
 * evidence, verifies the certificate, quote and expectations, then the nonce freshness challenge.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Connects to an enclave trusting nothing but its attestation and verifies its",
      "RA-TLS certificate: self-signature, validity, extensions, report_data binding,",
      "DCAP quote under the policy, expected app and measurements, Merkle inclusion",
      "proof; then, if the server offers it, a fresh quote for a random nonce",
      "(GET " + Nonces.PATH + "?nonce=HEX).",
      "Exit 0 if every check passes, 1 if any fails or the server cannot be reached,",
      "2 for malformed options or files."
    })
public final class VerifyCommand implements Callable<Integer> {

  /** Exit code when every check passed. */
  public static final int VERIFIED = 0;

  /** Exit code when a check failed or the enclave could not be reached. */
  public static final int FAILED = 1;

  /** Exit code for malformed options or files. */
  public static final int MALFORMED = 2;

  private static final HexFormat HEX = HexFormat.of();

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "https://HOST[:PORT][/ROUTE-PREFIX]; a path is the expected route prefix")
  URI url;

  @Option(
      names = "--sni",
      paramLabel = "NAME",
      description =
          "server name to send (an app's hostname selects its certificate); also expected in"
              + " subjectAltName")
  String sni;

  @Option(names = "--app", paramLabel = "NAME", description = "expected app name")
  String app;

  @Option(
      names = "--code-hash",
      paramLabel = "HEX",
      description = "expected SHA-256 code hash of the app")
  String codeHash;

  @Option(names = "--mrenclave", paramLabel = "HEX", description = "expected MRENCLAVE")
  String mrEnclave;

  @Option(names = "--mrsigner", paramLabel = "HEX", description = "expected MRSIGNER")
  String mrSigner;

  @Option(
      names = "--allow-simulated",
      description = "accept simulated quotes (they prove nothing about hardware)")
  boolean allowSimulated;

  @Option(
      names = "--collateral",
      paramLabel = "FILE",
      description =
          "collateral bundle (JSON) to appraise quotes with (default: the one the enclave offers"
              + " at /.well-known/cloister/collateral)")
  Path collateralFile;

  @Mixin TrustRootOption trustRoots;

  @Option(names = "--no-freshness", description = "skip the nonce freshness challenge")
  boolean noFreshness;

  @Option(
      names = "--history",
      description =
          "also fetch the enclave's deployment log and print which code ran when, every entry"
              + " checked by its inclusion proof")
  boolean history;

  @Option(
      names = "--since",
      paramLabel = "SIZE:ROOT",
      description =
          "a deployment-log tree head seen before: the log must extend it (implies --history)")
  String since;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      description = "connect and read timeout (ISO-8601, default ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RaTlsExpectations expected;
    QuoteAppraiser appraiser;
    Optional<CheckResult> provenance = Optional.empty();
    try {
      checkUrl();
      expected = expectations();
      if (collateralFile != null) {
        appraiser = appraiser(CollateralBundle.read(collateralFile));
      } else {
        // Nothing given: appraise with what the enclave offers (it authenticates itself).
        OfferedAppraiser offered =
            OfferedAppraiser.fetch(
                host(), port(), timeout, trustRoots.roots(), policy(), Clock.systemUTC());
        appraiser = offered.appraiser();
        provenance = Optional.of(offered.provenance());
      }
    } catch (IOException
        | CollateralFormatException
        | PckCertificateException
        | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return MALFORMED;
    } catch (CollateralFetchException e) {
      err.println("error: no collateral given (--collateral FILE) and " + e.getMessage());
      err.flush();
      return FAILED;
    }
    RaTlsProbe.Result result;
    try {
      result =
          new RaTlsProbe(host(), port(), Optional.ofNullable(sni), timeout)
              .run(appraiser, expected, !noFreshness, Clock.systemUTC());
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return FAILED;
    }
    RaTlsReport report = result.report();
    if (provenance.isPresent()) {
      report = report.with(List.of(provenance.get()));
    }
    Optional<DeploymentHistory> deployments = Optional.empty();
    if ((history || since != null) && report.passed()) {
      try {
        Optional<LogTreeHead> seen = Optional.ofNullable(since).map(LogTreeHead::parse);
        SSLContext tls =
            RaTlsContexts.client(
                new RaTlsTrustManager(
                    new RaTlsVerifier(appraiser, Clock.systemUTC()), expected, r -> {}));
        DeploymentHistory h =
            DeploymentHistory.fetch(
                url.getRawAuthority(),
                tls,
                Optional.ofNullable(sni),
                seen,
                report.extensions().orElseThrow().merkleRoot(),
                timeout);
        deployments = Optional.of(h);
        report =
            report.with(
                List.of(
                    CheckResult.pass(
                        "history",
                        h.entries().size() + " entries, each proven in tree head " + h.head()
                            + ", which the certificate's Merkle root commits to"
                            + seen.map(x -> "; extends " + x).orElse(""))));
      } catch (IllegalArgumentException e) {
        err.println("error: --since: " + e.getMessage());
        err.flush();
        return MALFORMED;
      } catch (DeploymentHistory.HistoryException e) {
        report = report.with(List.of(CheckResult.fail("history", e.getMessage())));
      }
    }
    if (json) {
      out.println(toJson(report, result.certificate()).toPrettyString());
    } else {
      printText(out, report, result.certificate());
      deployments.ifPresent(h -> printHistory(out, h));
    }
    out.flush();
    return report.passed() ? VERIFIED : FAILED;
  }

  private void checkUrl() {
    if (url.getScheme() == null || !url.getScheme().equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("URL must be https://HOST[:PORT][/PREFIX], got " + url);
    }
  }

  private String host() {
    return url.getHost();
  }

  private int port() {
    return url.getPort() < 0 ? 443 : url.getPort();
  }

  private RaTlsExpectations expectations() {
    RaTlsExpectations e = RaTlsExpectations.none();
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    if (!path.isEmpty()) {
      e = e.withRoutePrefix(path);
    }
    if (app != null) {
      e = e.withAppName(app);
    }
    if (codeHash != null) {
      e = e.withCodeHash(hex32("--code-hash", codeHash));
    }
    if (mrEnclave != null) {
      e = e.withMrEnclave(hex32("--mrenclave", mrEnclave));
    }
    if (mrSigner != null) {
      e = e.withMrSigner(hex32("--mrsigner", mrSigner));
    }
    if (sni != null) {
      e = e.withHostname(sni);
    }
    return e;
  }

  private static byte[] hex32(String option, String value) {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " is not hex: " + e.getMessage());
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          option + " must be 32 bytes (64 hex digits), got " + bytes.length);
    }
    return bytes;
  }

  private AppraisalPolicy policy() {
    return AppraisalPolicy.builder().allowSimulated(allowSimulated).build();
  }

  private QuoteAppraiser appraiser(Collateral collateral)
      throws IOException, PckCertificateException {
    return new DcapQuoteAppraiser(
        new QuoteVerifier(trustRoots.roots()), collateral, policy(), Clock.systemUTC());
  }

  private static void printHistory(PrintWriter out, DeploymentHistory h) {
    out.println("deployment log " + h.head() + ":");
    for (DeploymentLogEntry e : h.entries()) {
      out.println(
          "  #" + e.index() + "  " + e.time() + "  " + e.action() + " " + e.app()
              + e.codeHash().map(c -> "  code " + c).orElse("")
              + e.routePrefix().map(p -> "  at " + p).orElse("")
              + e.hostName().map(n -> " (" + n + ")").orElse("")
              + "  by " + e.caller());
    }
  }

  private void printText(PrintWriter out, RaTlsReport report, Optional<X509Certificate> cert) {
    out.println("cloister verify " + url + (sni != null ? " (SNI " + sni + ")" : ""));
    report
        .extensions()
        .ifPresent(
            ext -> {
              out.println("Merkle root:  " + HEX.formatHex(ext.merkleRoot()));
              ext.app()
                  .ifPresent(
                      a ->
                          out.println(
                              "app:          "
                                  + a.name()
                                  + ", route prefix "
                                  + a.routePrefix()
                                  + ", code hash "
                                  + HEX.formatHex(a.codeHash())));
              ext.manifest()
                  .ifPresent(
                      m ->
                          m.apps()
                              .forEach(
                                  a ->
                                      out.println(
                                          "hosts app:    "
                                              + a.name()
                                              + " at "
                                              + a.hostname()
                                              + a.routePrefix()
                                              + ", code hash "
                                              + HEX.formatHex(a.codeHash()))));
            });
    cert.ifPresent(
        c ->
            out.println(
                "certificate:  "
                    + c.getSubjectX500Principal().getName()
                    + ", valid until "
                    + c.getNotAfter().toInstant()));
    out.println();
    for (CheckResult c : report.checks()) {
      out.printf("  %-4s  %-26s %s%n", c.outcome(), c.name(), c.detail());
    }
    out.println();
    if (report.simulated()) {
      out.println("WARNING: " + QuoteReport.SIMULATION_WARNING);
    }
    long passed =
        report.checks().stream().filter(c -> c.outcome() == CheckResult.Outcome.PASS).count();
    long skipped =
        report.checks().stream().filter(c -> c.outcome() == CheckResult.Outcome.SKIP).count();
    out.println(
        (report.passed() ? "VERIFIED" : "FAILED")
            + ": "
            + passed
            + " passed, "
            + report.failures().size()
            + " failed, "
            + skipped
            + " skipped");
  }

  private ObjectNode toJson(RaTlsReport report, Optional<X509Certificate> cert) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("url", url.toString());
    if (sni != null) {
      root.put("sni", sni);
    }
    root.put("passed", report.passed());
    root.put("simulated", report.simulated());
    if (report.simulated()) {
      root.put("warning", QuoteReport.SIMULATION_WARNING);
    }
    cert.ifPresent(c -> root.put("subject", c.getSubjectX500Principal().getName()));
    report
        .extensions()
        .ifPresent(
            ext -> {
              root.put("merkleRoot", HEX.formatHex(ext.merkleRoot()));
              ext.app()
                  .ifPresent(
                      a -> {
                        ObjectNode appNode = root.putObject("app");
                        appNode.put("name", a.name());
                        appNode.put("routePrefix", a.routePrefix());
                        appNode.put("codeHash", HEX.formatHex(a.codeHash()));
                      });
            });
    ArrayNode checks = root.putArray("checks");
    for (CheckResult c : report.checks()) {
      ObjectNode n = checks.addObject();
      n.put("name", c.name());
      n.put("outcome", c.outcome().name());
      n.put("detail", c.detail());
    }
    return root;
  }
}
