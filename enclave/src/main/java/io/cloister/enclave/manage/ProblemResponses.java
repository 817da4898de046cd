package io.cloister.enclave.manage;

import io.cloister.enclave.deploy.DeploymentException;
import io.cloister.enclave.protocol.ManagementPaths;
import io.cloister.enclave.protocol.Problem;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** Sends RFC 9457 problem details (for every listener), and maps a refused deployment to its status. */
public final class ProblemResponses {
  private ProblemResponses() {}

  /** Sends {@code problem} as {@code application/problem+json}. */
  public static void send(ServerResponse res, Problem problem) {
    res.status(Status.create(problem.status()));
    res.header(HeaderNames.CONTENT_TYPE, ManagementPaths.PROBLEM_JSON);
    res.send(ProtocolJson.text(ProtocolJson.toJson(problem)).getBytes(StandardCharsets.UTF_8));
  }

  /** The problem a refused deployment answers with. */
  static Problem of(DeploymentException e) {
    Problem p =
        switch (e.kind()) {
          case INVALID_SPEC -> Problem.of("invalid-deployment", "Invalid deployment", 400, e.getMessage());
          case INVALID_ARTIFACT -> Problem.of("invalid-artifact", "Invalid artifact", 400, e.getMessage());
          case TOO_LARGE -> Problem.of("artifact-too-large", "Artifact too large", 413, e.getMessage());
          case CONFLICT -> Problem.of("conflict", "Conflict", 409, e.getMessage());
          case NOT_FOUND -> Problem.of("not-found", "Not found", 404, e.getMessage());
          case INTERNAL -> Problem.of("internal", "The enclave could not complete it", 500, e.getMessage());
        };
    return e.field() == null ? p : p.withField(e.field());
  }
}
