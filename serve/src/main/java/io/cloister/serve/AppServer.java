package io.cloister.serve;

import io.cloister.serve.exchange.ServerResources;
import io.cloister.serve.route.AppRouter;
import io.cloister.serve.route.MountRefusedException;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1Config;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A Helidon SE WebServer hosting many apps: reserved routes first (the caller's: health, metrics,
 * attestation, RPC), then every other request to the app of its Host header or route prefix, else
 * 404. See docs/adr/0009-multi-app-routing.md for the routing rules.
 *
 * <p>Apps share one carrier budget (each holding at most {@code max(1, budget / apps)} places), one
 * deadline watchdog and one pool of guest threads; each app's own {@link
 * AppLimits#maxConcurrentRequests()} bounds how many of the server's requests it holds.
 *
 * <p>With TLS, the caller's {@link SSLContext} is used as is, so its key manager chooses the
 * certificate on every handshake (by SNI, say); a reserved-route handler learns the certificate the
 * request's connection was served with from {@link #servedCertificate(ServerRequest)} (Helidon's
 * {@code request.localPeer().tlsCertificates()}, the TLS session's local certificates).
 *
 * <p>Malformed requests and oversized request lines or headers are refused by Helidon's HTTP/1.1
 * limits (400, 414, 431, connection closed) before any app sees anything.
 */
public final class AppServer implements AutoCloseable {
  /** First path segments no app may take as its prefix, nor ever be routed to under. */
  public static final Set<String> RESERVED_SEGMENTS =
      Set.of("rpc", "mcp", ".well-known", "healthz", "readyz", "metrics");

  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

  private final WebServer server;
  private final AppRouter router;
  private final ServerResources shared;
  private final HeaderSectionTimeout headerTimeout;
  private final String host;
  private final boolean tls;

  private AppServer(
      WebServer server,
      AppRouter router,
      ServerResources shared,
      HeaderSectionTimeout headerTimeout,
      String host,
      boolean tls) {
    this.server = server;
    this.router = router;
    this.shared = shared;
    this.headerTimeout = headerTimeout;
    this.host = host;
    this.tls = tls;
  }

  /**
   * Starts listening as {@code listener} says, over TLS with {@code tls} when present, with {@code
   * reservedRoutes} registered before the app router, and the apps' meters in {@code metrics}. No
   * app is mounted yet: every request outside the reserved routes gets 404.
   */
  public static AppServer start(
      ListenerOptions listener,
      Optional<SSLContext> tls,
      Consumer<HttpRouting.Builder> reservedRoutes,
      MeterRegistry metrics) {
    return start(listener, tls, reservedRoutes, metrics, RESERVED_SEGMENTS);
  }

  /** As {@link #start(ListenerOptions, Optional, Consumer, MeterRegistry)}, with other reserved segments. */
  static AppServer start(
      ListenerOptions listener,
      Optional<SSLContext> tls,
      Consumer<HttpRouting.Builder> reservedRoutes,
      MeterRegistry metrics,
      Set<String> reservedSegments) {
    Objects.requireNonNull(reservedRoutes, "reservedRoutes");
    ServerResources shared = new ServerResources();
    AppRouter router =
        new AppRouter(reservedSegments, shared, listener.readTimeout(), metrics);
    HeaderSectionTimeout headerTimeout = new HeaderSectionTimeout(listener.readTimeout());
    Http1Config http1 =
        Http1Config.builder()
            .addReceiveListener(headerTimeout)
            .maxHeadersSize(listener.maxHeadersSize())
            .maxPrologueLength(listener.maxPrologueLength())
            .validatePath(true)
            .validateRequestHeaders(true)
            .build();
    WebServerConfig.Builder builder =
        WebServer.builder()
            .host(listener.host())
            .port(listener.port())
            .shutdownHook(false)
            .addProtocol(http1)
            // Bodies are limited per app (AppLimits.maxPayloadSize), not for the whole listener.
            .maxPayloadSize(-1)
            .maxConcurrentRequests(listener.maxConcurrentRequests())
            .maxTcpConnections(listener.maxConnections())
            .idleConnectionTimeout(listener.idleTimeout())
            .idleConnectionPeriod(Duration.ofSeconds(1))
            // A response is written as the guest produces it; Nagle's algorithm would hold its
            // last segment back until the client's delayed acknowledgement (40 ms on Linux).
            .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
            .routing(
                routing -> {
                  reservedRoutes.accept(routing);
                  routing.any(router);
                });
    tls.ifPresent(context -> builder.tls(Tls.builder().sslContext(context).build()));
    WebServer server;
    try {
      server = builder.build().start();
    } catch (RuntimeException e) {
      headerTimeout.close();
      shared.close();
      throw e;
    }
    return new AppServer(server, router, shared, headerTimeout, listener.host(), tls.isPresent());
  }

  /**
   * Adds {@code app}, or atomically replaces the app of its name (a redeploy): new requests reach
   * the new app at once, requests in flight on the old one finish, and the old app's pool is closed
   * once its last lease returns.
   *
   * @throws MountRefusedException if its prefix is reserved or another app holds its prefix or host
   *     name; nothing is changed then
   */
  public void mount(MountedApp app) {
    router.mount(app);
  }

  /** Removes the app named {@code name} (its prefix answers 404); requests in flight finish. */
  public boolean unmount(String name) {
    return router.unmount(name);
  }

  /** The app mounted as {@code name}. */
  public Optional<MountedApp> app(String name) {
    return router.app(name);
  }

  /** The apps mounted now. */
  public List<MountedApp> apps() {
    return router.apps();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The server's base URI, e.g. {@code https://127.0.0.1:8443/}. */
  public URI uri() {
    String authority =
        host.equals("0.0.0.0") || host.equals("::")
            ? "127.0.0.1"
            : host.contains(":") ? "[" + host + "]" : host;
    return URI.create((tls ? "https" : "http") + "://" + authority + ":" + port() + "/");
  }

  /**
   * The certificate the connection of {@code request} was served with (its TLS session's first
   * local certificate), or empty over plain HTTP.
   */
  public static Optional<X509Certificate> servedCertificate(ServerRequest request) {
    return request
        .localPeer()
        .tlsCertificates()
        .filter(chain -> chain.length > 0)
        .map(chain -> chain[0])
        .filter(X509Certificate.class::isInstance)
        .map(X509Certificate.class::cast);
  }

  /** {@link #close(Duration)} with a grace of 5 seconds. */
  @Override
  public void close() {
    close(DEFAULT_GRACE);
  }

  /**
   * Refuses new requests (503, connection closed), lets those in flight finish for at most {@code
   * grace}, then stops listening, stops the guests still running and closes every app's pool.
   */
  public void close(Duration grace) {
    router.drain(grace);
    server.stop();
    headerTimeout.close();
    router.close();
    shared.close();
  }
}
