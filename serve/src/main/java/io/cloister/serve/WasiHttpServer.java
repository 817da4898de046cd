package io.cloister.serve;

import io.cloister.serve.exchange.DeadlineWatchdog;
import io.cloister.serve.exchange.ExchangeHandler;
import io.cloister.serve.guest.GuestFactory;
import io.cloister.serve.guest.GuestPool;
import io.cloister.serve.tls.SelfSignedTls;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code cloister serve}'s server: a Helidon SE WebServer (virtual threads per connection) whose
 * every request goes to one app's wasi:http incoming handler. Malformed requests and oversized
 * request lines or headers are refused by Helidon's HTTP/1.1 limits (400, connection closed) before
 * the app sees anything.
 */
public final class WasiHttpServer implements AutoCloseable {
  /**
   * Open connections at most. Helidon 4.5 reads requests from blocking socket channels without a
   * read timeout; what bounds a client that stays silent or trickles bytes is the idle timeout
   * while it owes a request line, the read timeout ({@link HeaderSectionTimeout}) while it owes
   * headers, and the exchange deadline while the app reads its body. Not yet bounded: a client
   * silent in the middle of a body the app left unread keeps its connection after the answer. Each
   * such client holds a connection (one virtual thread, no platform thread): this bound keeps many
   * of them from exhausting the server.
   */
  public static final int MAX_CONNECTIONS = 4096;

  private final WebServer server;
  private final GuestPool pool;
  private final ExecutorService guestThreads;
  private final DeadlineWatchdog watchdog;
  private final HeaderSectionTimeout headerTimeout;
  private final Optional<SelfSignedTls> tls;

  private WasiHttpServer(
      WebServer server,
      GuestPool pool,
      ExecutorService guestThreads,
      DeadlineWatchdog watchdog,
      HeaderSectionTimeout headerTimeout,
      Optional<SelfSignedTls> tls) {
    this.server = server;
    this.pool = pool;
    this.guestThreads = guestThreads;
    this.watchdog = watchdog;
    this.headerTimeout = headerTimeout;
    this.tls = tls;
  }

  /** Starts serving the app that {@code guests} instantiates, as {@code options} say. */
  public static WasiHttpServer start(GuestFactory guests, ServeOptions options) {
    GuestPool pool = new GuestPool(guests, options.policy());
    ExecutorService guestThreads =
        Executors.newCachedThreadPool(Thread.ofPlatform().name("guest-", 0).daemon().factory());
    DeadlineWatchdog watchdog = new DeadlineWatchdog();
    ExchangeHandler handler =
        new ExchangeHandler(
            pool,
            guestThreads,
            watchdog,
            options.answerDeadline(),
            options.exchangeDeadline(),
            options.readTimeout());
    Optional<SelfSignedTls> tls =
        options.tls() ? Optional.of(SelfSignedTls.generate()) : Optional.empty();
    HeaderSectionTimeout headerTimeout = new HeaderSectionTimeout(options.readTimeout());
    Http1Config http1 =
        Http1Config.builder()
            .addReceiveListener(headerTimeout)
            .maxHeadersSize(options.maxHeadersSize())
            .maxPrologueLength(options.maxPrologueLength())
            .validatePath(true)
            .validateRequestHeaders(true)
            .build();
    WebServerConfig.Builder builder =
        WebServer.builder()
            .host(options.host())
            .port(options.port())
            .shutdownHook(false)
            .addProtocol(http1)
            .maxPayloadSize(options.maxPayloadSize())
            .maxConcurrentRequests(options.maxConcurrentRequests())
            .maxTcpConnections(MAX_CONNECTIONS)
            .idleConnectionTimeout(options.idleTimeout())
            .idleConnectionPeriod(Duration.ofSeconds(1))
            // A response is written as the guest produces it; Nagle's algorithm would hold its
            // last segment back until the client's delayed acknowledgement (40 ms on Linux).
            .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
            .routing(routing -> routing.any(handler));
    tls.ifPresent(t -> builder.tls(t.serverTls()));
    WebServer server;
    try {
      server = builder.build().start();
    } catch (RuntimeException e) {
      headerTimeout.close();
      throw e;
    }
    return new WasiHttpServer(server, pool, guestThreads, watchdog, headerTimeout, tls);
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port() + "/");
  }

  /** The self-signed certificate, when serving HTTPS. */
  public Optional<X509Certificate> certificate() {
    return tls.map(SelfSignedTls::certificate);
  }

  /** Stops accepting connections, then closes the idle instances. */
  @Override
  public void close() {
    server.stop();
    headerTimeout.close();
    guestThreads.shutdownNow();
    watchdog.close();
    pool.close();
  }
}
