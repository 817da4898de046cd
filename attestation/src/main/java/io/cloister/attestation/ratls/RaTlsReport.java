package io.cloister.attestation.ratls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every check an RA-TLS verification ran, in order. It passes only when no check failed and at
 * least one ran: a verifier that could not look at anything has not verified anything.
 *
 * @param checks the checks in the order they ran
 * @param simulated whether the quote came from a simulated attester (proves nothing about hardware)
 * @param extensions the decoded extensions, when they could be decoded
 */
public record RaTlsReport(
    List<CheckResult> checks, boolean simulated, Optional<RaTlsExtensions> extensions) {

  /** Copies the list. */
  public RaTlsReport {
    checks = List.copyOf(checks);
  }

  /** True when no check failed and at least one passed. */
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.outcome() == CheckResult.Outcome.FAIL)
        && checks.stream().anyMatch(c -> c.outcome() == CheckResult.Outcome.PASS);
  }

  /** The failed checks. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.outcome() == CheckResult.Outcome.FAIL).toList();
  }

  /** The check named {@code name}, if it ran. */
  public Optional<CheckResult> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** This report followed by {@code more} checks. */
  public RaTlsReport with(List<CheckResult> more) {
    List<CheckResult> all = new ArrayList<>(checks);
    all.addAll(more);
    return new RaTlsReport(all, simulated, extensions);
  }

  /** One line per failed check, for exception messages. */
  public String failureSummary() {
    StringBuilder out = new StringBuilder();
    for (CheckResult c : failures()) {
      out.append(out.isEmpty() ? "" : "; ").append(c.name()).append(": ").append(c.detail());
    }
    return out.isEmpty() ? "no check passed" : out.toString();
  }
}
