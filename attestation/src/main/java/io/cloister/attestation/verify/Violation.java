package io.cloister.attestation.verify;

/**
 * A broken rule and what exactly broke it.
 *
 * @param rule the rule
 * @param detail the specific finding
 */
public record Violation(Rule rule, String detail) {
  @Override
  public String toString() {
    return rule.id() + ": " + detail;
  }
}
