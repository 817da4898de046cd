package io.cloister.attestation.verify;

/** A quote or its collateral failed a cryptographic or structural check; names the rule. */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Violation violation;

  /** Creates the exception. */
  public VerificationException(Rule rule, String detail) {
    this(rule, detail, null);
  }

  /** Creates the exception with a cause. */
  public VerificationException(Rule rule, String detail, Throwable cause) {
    super(rule.id() + ": " + detail, cause);
    this.violation = new Violation(rule, detail);
  }

  /** The broken rule. */
  public Rule rule() {
    return violation.rule();
  }

  /** The rule and the finding. */
  public Violation violation() {
    return violation;
  }
}
