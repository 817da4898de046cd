package io.cloister.serve.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One mounted app's meters, tagged {@code app=NAME}: requests by status class, request durations
 * (with a histogram), guest errors by kind, and its instances by state. In Prometheus form they are
 * {@code cloister_requests_total{app,status}}, {@code cloister_request_duration_seconds{app}},
 * {@code cloister_guest_errors_total{app,kind}} and {@code cloister_instances{app,state}}.
 *
 * <p>A redeploy keeps the counters and timer (same name and tags: the registry hands back the same
 * meters) and replaces the gauges, which read the new app's pool; {@link #close} removes the gauges.
 */
public final class AppMetrics implements AutoCloseable {
  /** The requests counter's name. */
  public static final String REQUESTS = "cloister.requests";

  /** The request timer's name. */
  public static final String DURATION = "cloister.request.duration";

  /** The guest errors counter's name. */
  public static final String GUEST_ERRORS = "cloister.guest.errors";

  /** The instances gauge's name. */
  public static final String INSTANCES = "cloister.instances";

  private final MeterRegistry registry;
  private final Counter[] requestsByClass = new Counter[6];
  private final Timer duration;
  private final Map<GuestError, Counter> errors = new EnumMap<>(GuestError.class);
  private final List<Meter> gauges;

  /**
   * Registers the meters of app {@code app} in {@code registry}; the gauges read {@code idle} and
   * {@code leased} instances.
   */
  public AppMetrics(MeterRegistry registry, String app, IntSupplier idle, IntSupplier leased) {
    this.registry = registry;
    for (int c = 1; c < requestsByClass.length; c++) {
      requestsByClass[c] =
          Counter.builder(REQUESTS)
              .description("Requests answered, by status class")
              .tag("app", app)
              .tag("status", c + "xx")
              .register(registry);
    }
    duration =
        Timer.builder(DURATION)
            .description("Time from routing a request to the end of its exchange")
            .tag("app", app)
            .publishPercentileHistogram()
            .register(registry);
    for (GuestError kind : GuestError.values()) {
      errors.put(
          kind,
          Counter.builder(GUEST_ERRORS)
              .description("Requests the app's guest failed, by kind")
              .tag("app", app)
              .tag("kind", kind.tag())
              .register(registry));
    }
    // A redeploy's gauges must read the new pool: drop the old app's first.
    removeGauge(app, "idle");
    removeGauge(app, "leased");
    gauges = List.of(gauge(app, "idle", idle), gauge(app, "leased", leased));
  }

  /** One request ended with {@code status} after {@code nanos}. */
  public void request(int status, long nanos) {
    int statusClass = status / 100;
    if (statusClass >= 1 && statusClass < requestsByClass.length) {
      requestsByClass[statusClass].increment();
    }
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The guest failed a request this way. */
  public void guestError(GuestError kind) {
    errors.get(kind).increment();
  }

  /** Removes this app's gauges, unless a redeploy already replaced them. */
  @Override
  public void close() {
    for (Meter gauge : gauges) {
      if (registry.find(INSTANCES).tags(gauge.getId().getTags()).gauge() == gauge) {
        registry.remove(gauge);
      }
    }
  }

  private Meter gauge(String app, String state, IntSupplier value) {
    return Gauge.builder(INSTANCES, value, v -> v.getAsInt())
        .description("The app's guest instances, by state")
        .tag("app", app)
        .tag("state", state)
        .strongReference(true)
        .register(registry);
  }

  private void removeGauge(String app, String state) {
    Gauge old = registry.find(INSTANCES).tags("app", app, "state", state).gauge();
    if (old != null) {
      registry.remove(old);
    }
  }
}
