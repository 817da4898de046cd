package io.cloister.serve.route;

import io.cloister.serve.MountedApp;
import io.cloister.serve.exchange.ExchangeHandler;
import io.cloister.serve.exchange.ExchangeRules;
import io.cloister.serve.exchange.ServerResources;
import io.cloister.serve.guest.GuestPool;
import io.cloister.serve.metrics.AppMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mounted app while it serves: its pool, exchange handler, meters and concurrency limit. Once
 * retired (unmounted or replaced) it finishes the requests it has and then closes its pool.
 */
final class LiveApp {
  private static final byte[] BUSY =
      "the app is serving as many requests as it may; retry later\n"
          .getBytes(StandardCharsets.UTF_8);

  private final MountedApp app;
  private final GuestPool pool;
  private final AppMetrics metrics;
  private final ExchangeHandler exchanges;
  private final Semaphore concurrency;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean retired;

  LiveApp(
      MountedApp app, ServerResources shared, Duration bodySilence, MeterRegistry registry) {
    this.app = app;
    this.pool = new GuestPool(app.guests(), app.limits().policy());
    this.metrics = new AppMetrics(registry, app.name(), pool::idleCount, pool::leasedCount);
    this.exchanges =
        new ExchangeHandler(
            pool,
            shared,
            new ExchangeRules(
                app.limits().answerDeadline(),
                app.limits().exchangeDeadline(),
                bodySilence,
                app.limits().maxPayloadSize()),
            metrics);
    this.concurrency = new Semaphore(app.limits().maxConcurrentRequests());
  }

  MountedApp app() {
    return app;
  }

  /** Serves one request routed here, or 503 with Retry-After when the app is at its limit. */
  void serve(ServerRequest request, ServerResponse response, String prefix, String target) {
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    try {
      if (!concurrency.tryAcquire()) {
        response.status(Status.SERVICE_UNAVAILABLE_503);
        response.header(HeaderNames.RETRY_AFTER, "1");
        response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
        response.send(BUSY);
        return;
      }
      try {
        exchanges.handle(request, response, prefix, target);
      } finally {
        concurrency.release();
      }
    } finally {
      metrics.request(response.status().code(), System.nanoTime() - start);
      if (inFlight.decrementAndGet() == 0 && retired) {
        closeNow();
      }
    }
  }

  /** Takes no more requests from the routes: closes once the last in flight ends. */
  void retire() {
    retired = true;
    if (inFlight.get() == 0) {
      closeNow();
    }
  }

  private void closeNow() {
    if (closed.compareAndSet(false, true)) {
      pool.close();
      exchanges.close();
      metrics.close();
    }
  }
}
