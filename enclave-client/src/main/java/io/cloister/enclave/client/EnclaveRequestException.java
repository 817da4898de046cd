package io.cloister.enclave.client;

import io.cloister.enclave.protocol.Problem;

/** The enclave answered a call with an error: its status and problem details. */
public final class EnclaveRequestException extends EnclaveClientException {
  private final Problem problem;

  /** The enclave's problem details. */
  public EnclaveRequestException(Problem problem) {
    super(problem.status() + " " + problem.title() + ": " + problem.detail());
    this.problem = problem;
  }

  /** The HTTP status. */
  public int status() {
    return problem.status();
  }

  /** The problem details. */
  public Problem problem() {
    return problem;
  }
}
