package io.cloister.bench;

import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.ratls.AppDescriptor;
import io.cloister.attestation.ratls.CertificateSet;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.EnclaveConfig;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsIssuer;
import io.cloister.attestation.ratls.RaTlsReport;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RA-TLS certificates with the simulated attester: issuing a whole set (key, quote, one certificate
 * per app plus the enclave's) and verifying one certificate end to end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RaTlsBenchmark {

  @Param({"1", "10"})
  int apps;

  RaTlsIssuer issuer;
  EnclaveConfig config;
  RaTlsVerifier verifier;
  X509Certificate appCertificate;

  @Setup
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("cloister-bench-sim");
    SimulationAuthority authority = SimulationAuthority.loadOrCreate(dir);
    byte[] mrEnclave = new byte[32];
    issuer = new RaTlsIssuer(new SimulatedAttester(authority, mrEnclave, 0, 0));
    List<AppDescriptor> list = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      byte[] hash = new byte[32];
      Arrays.fill(hash, (byte) i);
      list.add(new AppDescriptor("app-" + i, "/app-" + i, "app-" + i + ".apps.test", hash));
    }
    config = new EnclaveConfig("enclave.test", new byte[32], list);
    CertificateSet set = issuer.issue(config);
    appCertificate = set.appCertificate("app-0.apps.test").orElseThrow();
    verifier =
        new RaTlsVerifier(
            new DcapQuoteAppraiser(
                new QuoteVerifier(List.of(TrustRoot.intel(), authority.trustRoot())),
                authority.collateral(
                    Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of()),
                AppraisalPolicy.builder().allowSimulated(true).build(),
                Clock.systemUTC()),
            Clock.systemUTC());
  }

  /** A complete certificate set: fresh P-256 key, Merkle tree, simulated quote, signatures. */
  @Benchmark
  public CertificateSet issueCertificateSet() throws Exception {
    return issuer.issue(config);
  }

  /** Every check of one app certificate, DCAP quote verification included. */
  @Benchmark
  public boolean verifyAppCertificate() {
    RaTlsReport report =
        verifier.verify(List.of(appCertificate), RaTlsExpectations.none().withAppName("app-0"));
    if (!report.passed()) {
      throw new IllegalStateException(report.failureSummary());
    }
    return true;
  }
}
