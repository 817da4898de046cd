package io.cloister.attestation.verify;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of appraising a quote: the verified report (absent if verification itself failed) and
 * every rule it broke. Accepted if and only if no rule is broken.
 *
 * @param report what the quote establishes, if it verified
 * @param violations the broken rules; empty when accepted
 */
public record Appraisal(Optional<QuoteReport> report, List<Violation> violations) {
  /** Copies the list; a missing report implies at least one violation. */
  public Appraisal {
    violations = List.copyOf(violations);
    if (report.isEmpty() && violations.isEmpty()) {
      throw new IllegalArgumentException("an appraisal without a report must name a violation");
    }
  }

  /** Whether the policy accepts the quote. */
  public boolean accepted() {
    return violations.isEmpty();
  }

  /** Whether {@code rule} is among the violations. */
  public boolean broke(Rule rule) {
    return violations.stream().anyMatch(v -> v.rule() == rule);
  }
}
