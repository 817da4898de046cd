package io.cloister.serve;

import io.cloister.serve.guest.GuestFactory;
import io.cloister.serve.tls.SelfSignedTls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cloister serve}'s server: an {@link AppServer} with one app mounted at the root, which gets
 * every request (no reserved routes), over HTTPS with a {@link SelfSignedTls} certificate when
 * asked.
 */
public final class WasiHttpServer implements AutoCloseable {
  /** The name of the one app {@code cloister serve} mounts. */
  static final String APP = "app";

  private final AppServer server;
  private final Optional<SelfSignedTls> tls;

  private WasiHttpServer(AppServer server, Optional<SelfSignedTls> tls) {
    this.server = server;
    this.tls = tls;
  }

  /** Starts serving the app that {@code guests} instantiates, as {@code options} say. */
  public static WasiHttpServer start(GuestFactory guests, ServeOptions options) {
    Optional<SelfSignedTls> tls =
        options.tls() ? Optional.of(SelfSignedTls.generate()) : Optional.empty();
    AppServer server =
        AppServer.start(
            options.listener(),
            tls.map(SelfSignedTls::sslContext),
            routing -> {},
            new SimpleMeterRegistry(),
            Set.of());
    try {
      server.mount(new MountedApp(APP, "", Optional.empty(), guests, options.limits()));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return new WasiHttpServer(server, tls);
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return server.uri();
  }

  /** The self-signed certificate, when serving HTTPS. */
  public Optional<X509Certificate> certificate() {
    return tls.map(SelfSignedTls::certificate);
  }

  /** Stops accepting connections (Helidon's own short grace), then closes the instances. */
  @Override
  public void close() {
    server.close(Duration.ZERO);
  }
}
