package io.cloister.enclave.route;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers) and {@code /readyz} (it has brought back its apps and
 * issued its certificates, and is not stopping: 503 otherwise).
 */
public final class HealthRoutes {
  private final BooleanSupplier ready;

  /** {@code ready} says whether the enclave serves its apps. */
  public HealthRoutes(BooleanSupplier ready) {
    this.ready = ready;
  }

  /** Adds the routes to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing
        .get("/healthz", (req, res) -> WellKnownRoutes.text(res, Status.OK_200, "ok"))
        .get(
            "/readyz",
            (req, res) -> {
              if (ready.getAsBoolean()) {
                WellKnownRoutes.text(res, Status.OK_200, "ready");
              } else {
                WellKnownRoutes.text(res, Status.SERVICE_UNAVAILABLE_503, "not ready");
              }
            });
  }
}
