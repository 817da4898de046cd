package io.cloister.attestation.ratls;

import java.util.Objects;

/** The outcome of one named verification check, with what was compared. */
public record CheckResult(String name, Outcome outcome, String detail) {

  /** Passed, failed, or not applicable (nothing expected, or an earlier check failed). */
  public enum Outcome {
    PASS,
    FAIL,
    SKIP
  }

  /** Checks the fields. */
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** A check with this outcome. */
  public static CheckResult pass(String name, String detail) {
    return new CheckResult(name, Outcome.PASS, detail);
  }

  /** A check with this outcome. */
  public static CheckResult fail(String name, String detail) {
    return new CheckResult(name, Outcome.FAIL, detail);
  }

  /** A check with this outcome. */
  public static CheckResult skip(String name, String detail) {
    return new CheckResult(name, Outcome.SKIP, detail);
  }
}
