package io.cloister.serve.route;

import io.cloister.serve.MountedApp;
import io.cloister.serve.exchange.ServerResources;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The Helidon handler behind the reserved routes: sends each request to its app (see {@link
 * AppRoutes#route}) or answers 404. Mounts swap an immutable snapshot of the routes, so a request
 * in flight keeps the app it was routed to while new requests see the change at once.
 */
public final class AppRouter implements Handler {
  private static final byte[] NOT_FOUND =
      "{\"error\":\"no app at this path or host name\"}\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STOPPING =
      "the server is stopping\n".getBytes(StandardCharsets.UTF_8);

  private final ServerResources shared;
  private final Duration bodySilence;
  private final MeterRegistry registry;
  private final AtomicReference<AppRoutes> routes;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  /**
   * A router with no apps yet; {@code reservedSegments} are first path segments no app gets (e.g.
   * {@code rpc}), {@code bodySilence} the longest pause within a request body.
   */
  public AppRouter(
      Set<String> reservedSegments,
      ServerResources shared,
      Duration bodySilence,
      MeterRegistry registry) {
    this.shared = shared;
    this.bodySilence = bodySilence;
    this.registry = registry;
    this.routes = new AtomicReference<>(AppRoutes.empty(reservedSegments));
  }

  /**
   * Adds {@code app}, or replaces the app of its name: new requests reach the new app at once, the
   * old one finishes its requests and then closes its pool.
   *
   * @throws MountRefusedException if its prefix is reserved or another app holds its prefix or host
   *     name; nothing is changed then
   */
  public synchronized void mount(MountedApp app) {
    AppRoutes current = routes.get();
    current.check(app);
    LiveApp live = new LiveApp(app, shared, bodySilence, registry);
    Optional<LiveApp> old = current.app(app.name());
    routes.set(current.with(live));
    old.ifPresent(LiveApp::retire);
  }

  /** Removes the app named {@code name}; its requests in flight finish. Whether there was one. */
  public synchronized boolean unmount(String name) {
    AppRoutes current = routes.get();
    Optional<LiveApp> old = current.app(name);
    old.ifPresent(
        live -> {
          routes.set(current.without(name));
          live.retire();
        });
    return old.isPresent();
  }

  /** The app mounted as {@code name}. */
  public Optional<MountedApp> app(String name) {
    return routes.get().app(name).map(LiveApp::app);
  }

  /** The apps mounted now. */
  public List<MountedApp> apps() {
    return routes.get().apps().stream().map(LiveApp::app).toList();
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) {
    inFlight.incrementAndGet();
    try {
      if (draining) {
        response.status(Status.SERVICE_UNAVAILABLE_503);
        response.header(HeaderValues.CONNECTION_CLOSE);
        response.headers().set(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
        response.send(STOPPING);
        return;
      }
      Optional<RouteTarget> target =
          routes
              .get()
              .route(
                  request.authority(),
                  request.prologue().uriPath().rawPath(),
                  request.prologue().query().rawValue());
      if (target.isEmpty()) {
        response.status(Status.NOT_FOUND_404);
        response.headers().set(HeaderValues.CONTENT_TYPE_JSON);
        response.send(NOT_FOUND);
        return;
      }
      RouteTarget t = target.get();
      t.app().serve(request, response, t.prefix(), t.target());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Refuses new requests (503, connection closed) and waits up to {@code grace} for those in flight
   * to end. Returns whether they all did.
   */
  public boolean drain(Duration grace) {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0) {
      if (deadline - System.nanoTime() <= 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return true;
  }

  /** Retires every app: each closes its pool once its requests end. */
  public synchronized void close() {
    AppRoutes current = routes.get();
    routes.set(AppRoutes.empty(Set.of()));
    current.apps().forEach(LiveApp::retire);
  }
}
