package io.cloister.enclave.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code cloister_<via>_calls_seconds{app, outcome}}: calls of exported functions through {@code
 * /rpc} or {@code /mcp}, by app (only apps that run: the tag set stays bounded) and outcome.
 */
final class RpcMetrics {
  private final MeterRegistry registry;
  private final String name;

  RpcMetrics(MeterRegistry registry, String via) {
    this.registry = registry;
    this.name = "cloister_" + via + "_calls";
  }

  void record(String app, String outcome, long startNanos) {
    Timer.builder(name)
        .description("calls of exported functions, by app and outcome")
        .tag("app", app)
        .tag("outcome", outcome)
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
