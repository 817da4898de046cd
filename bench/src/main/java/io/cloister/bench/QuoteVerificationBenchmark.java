package io.cloister.bench;

import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.quote.SgxQuote;
import io.cloister.attestation.verify.QuoteReport;
import io.cloister.attestation.verify.QuoteVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of the real SGX fixture quote with its Intel collateral parsed once (as a verifier
 * caching collateral until nextUpdate would): quote parsing, PCK chain and CRLs, QE report, quote
 * signature, TCB info and QE identity signatures, TCB level matching. Fixtures are read from {@code
 * -Dcloister.shared.dir} (default {@code ../shared}, relative to the project root).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class QuoteVerificationBenchmark {
  private static final Instant AT = Instant.parse("2025-07-01T00:00:00Z");

  private byte[] quote;
  private Collateral collateral;
  private QuoteVerifier verifier;

  @Setup
  public void setUp() throws Exception {
    Path dir =
        Path.of(System.getProperty("cloister.shared.dir", "../shared"), "fixtures", "attestation");
    quote = Files.readAllBytes(dir.resolve("sgx_quote"));
    collateral =
        CollateralBundle.parse(Files.readAllBytes(dir.resolve("sgx_quote_collateral.json")));
    verifier = QuoteVerifier.intel();
  }

  /** Parse and fully verify one quote against cached collateral. */
  @Benchmark
  public QuoteReport verifyWithCachedCollateral() throws Exception {
    return verifier.verify(SgxQuote.parse(quote), collateral, AT);
  }

  /** Parsing alone, for comparison. */
  @Benchmark
  public SgxQuote parse() throws Exception {
    return SgxQuote.parse(quote);
  }
}
