package io.cloister.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.CollateralFormatException;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.verify.Appraisal;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.Rule;
import io.cloister.attestation.verify.TrustRoot;
import io.cloister.attestation.verify.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloister quote}: work with SGX DCAP quotes. */
@Command(
    name = "quote",
    description = "Work with SGX DCAP quotes.",
    mixinStandardHelpOptions = true,
    subcommands = {QuoteCommand.Verify.class})
public final class QuoteCommand implements Runnable {
  /** Exit code when the policy accepts the quote. */
  public static final int ACCEPTED = 0;

  /** Exit code when the policy refuses the quote. */
  public static final int REFUSED = 1;

  /** Exit code for malformed input (quote, collateral, options). */
  public static final int MALFORMED = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code cloister quote verify}: verify a quote with collateral and appraise it with a policy.
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies an SGX DCAP v3 quote against Intel collateral and appraises it with a policy.",
        "Exit 0 if accepted, 1 if refused (the broken rules are listed), 2 for malformed input."
      })
  public static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUOTE-FILE", description = "the binary quote")
    Path quoteFile;

    @Option(
        names = "--collateral",
        required = true,
        paramLabel = "FILE",
        description = "collateral bundle (JSON: tcb_info, qe_identity, CRLs, issuer chains)")
    Path collateralFile;

    @Option(
        names = "--at",
        paramLabel = "ISO-INSTANT",
        description = "verify as of this instant (default: now), e.g. 2025-07-01T00:00:00Z")
    Instant at;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--mrenclave", paramLabel = "HEX", description = "expected MRENCLAVE")
    String mrEnclave;

    @Option(names = "--mrsigner", paramLabel = "HEX", description = "expected MRSIGNER")
    String mrSigner;

    @Option(names = "--isv-prod-id", paramLabel = "N", description = "expected ISV product ID")
    Integer isvProdId;

    @Option(names = "--min-isv-svn", paramLabel = "N", description = "minimum ISV SVN")
    Integer minIsvSvn;

    @Option(
        names = "--accept-status",
        paramLabel = "S",
        description = "accepted TCB status (repeatable; default UpToDate and SWHardeningNeeded)")
    List<String> acceptStatus = new ArrayList<>();

    @Option(
        names = "--allow-advisory",
        paramLabel = "ID",
        description = "allowed advisory ID (repeatable; when given, any other advisory is refused)")
    List<String> allowAdvisory;

    @Option(
        names = "--max-collateral-age",
        paramLabel = "DURATION",
        description = "refuse collateral issued longer ago than this (ISO-8601, e.g. P30D)")
    Duration maxCollateralAge;

    @Option(names = "--allow-debug", description = "accept debug enclaves")
    boolean allowDebug;

    @Option(
        names = "--allow-simulated",
        description = "accept simulated quotes (they prove nothing about hardware)")
    boolean allowSimulated;

    @Mixin TrustRootOption trustRoots;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AppraisalPolicy policy;
      Collateral collateral;
      byte[] quote;
      List<TrustRoot> roots;
      try {
        policy = policy();
        quote = Files.readAllBytes(quoteFile);
        collateral = CollateralBundle.read(collateralFile);
        roots = trustRoots.roots();
      } catch (IOException
          | CollateralFormatException
          | PckCertificateException
          | IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return MALFORMED;
      }
      Instant when = at != null ? at : Instant.now();
      Appraisal appraisal = new QuoteVerifier(roots).appraise(quote, collateral, policy, when);
      if (json) {
        out.println(toJson(appraisal).toPrettyString());
      } else {
        printText(out, appraisal);
      }
      out.flush();
      if (appraisal.broke(Rule.QUOTE_FORMAT)) {
        return MALFORMED;
      }
      return appraisal.accepted() ? ACCEPTED : REFUSED;
    }

    private AppraisalPolicy policy() {
      HexFormat hex = HexFormat.of();
      AppraisalPolicy.Builder b =
          AppraisalPolicy.builder().allowDebug(allowDebug).allowSimulated(allowSimulated);
      if (mrEnclave != null) {
        b.mrEnclave(hex.parseHex(mrEnclave));
      }
      if (mrSigner != null) {
        b.mrSigner(hex.parseHex(mrSigner));
      }
      if (isvProdId != null) {
        b.isvProdId(isvProdId);
      }
      if (minIsvSvn != null) {
        b.minIsvSvn(minIsvSvn);
      }
      if (!acceptStatus.isEmpty()) {
        Set<TcbStatus> statuses = EnumSet.noneOf(TcbStatus.class);
        acceptStatus.forEach(s -> statuses.add(TcbStatus.fromIntelName(s)));
        b.acceptedStatuses(statuses);
      }
      if (allowAdvisory != null) {
        b.allowedAdvisories(Set.copyOf(allowAdvisory));
      }
      if (maxCollateralAge != null) {
        b.maxCollateralAge(maxCollateralAge);
      }
      return b.build();
    }

    private static void printText(PrintWriter out, Appraisal a) {
      HexFormat hex = HexFormat.of();
      a.report()
          .ifPresent(
              r -> {
                r.warnings().forEach(w -> out.println("WARNING: " + w));
                out.println("MRENCLAVE:      " + hex.formatHex(r.mrEnclave()));
                out.println("MRSIGNER:       " + hex.formatHex(r.mrSigner()));
                out.println("ISV product ID: " + r.isvProdId());
                out.println("ISV SVN:        " + r.isvSvn());
                out.println("debug:          " + r.debug());
                out.println("report data:    " + hex.formatHex(r.reportData()));
                out.println("TCB status:     " + r.tcbStatus().intelName());
                out.println(
                    "advisories:     "
                        + (r.advisoryIds().isEmpty()
                            ? "none"
                            : String.join(", ", r.advisoryIds())));
                out.println("FMSPC:          " + r.fmspc());
                out.println(
                    "collateral:     issued "
                        + r.collateralIssuedAt()
                        + ", next update "
                        + r.collateralNextUpdate()
                        + ", verified as of "
                        + r.verifiedAt());
                out.println("simulated:      " + r.simulated());
              });
      if (a.accepted()) {
        out.println("ACCEPTED");
      } else {
        out.println("REFUSED:");
        for (Violation v : a.violations()) {
          out.println("  [" + v.rule().id() + "] " + v.detail());
        }
      }
    }

    private static ObjectNode toJson(Appraisal a) {
      HexFormat hex = HexFormat.of();
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("accepted", a.accepted());
      a.report()
          .ifPresent(
              r -> {
                o.put("simulated", r.simulated());
                ArrayNode warnings = o.putArray("warnings");
                r.warnings().forEach(warnings::add);
                o.put("mrenclave", hex.formatHex(r.mrEnclave()))
                    .put("mrsigner", hex.formatHex(r.mrSigner()))
                    .put("isvProdId", r.isvProdId())
                    .put("isvSvn", r.isvSvn())
                    .put("debug", r.debug())
                    .put("reportData", hex.formatHex(r.reportData()))
                    .put("tcbStatus", r.tcbStatus().intelName());
                ArrayNode adv = o.putArray("advisoryIds");
                r.advisoryIds().forEach(adv::add);
                o.put("fmspc", r.fmspc())
                    .put("collateralIssuedAt", r.collateralIssuedAt().toString())
                    .put("collateralNextUpdate", r.collateralNextUpdate().toString())
                    .put("verifiedAt", r.verifiedAt().toString());
              });
      ArrayNode violations = o.putArray("violations");
      for (Violation v : a.violations()) {
        violations.addObject().put("rule", v.rule().id()).put("detail", v.detail());
      }
      return o;
    }
  }
}
