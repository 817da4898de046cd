package io.cloister.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;

/**
 * The throughput ceiling for {@code cloister serve}: a Helidon SE WebServer on loopback that
 * answers every request with the bytes of the {@code hello} fixture and nothing else.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.cloister.bench.BareHelidonServer PORT};
 * stops on SIGTERM or Ctrl-C. Used by {@code scripts/bench-http.sh}.
 */
public final class BareHelidonServer {
  private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.US_ASCII);

  private BareHelidonServer() {}

  /** Starts the server on the port given as the only argument and serves until killed. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .routing(
                routing ->
                    routing.any(
                        (req, res) -> {
                          res.header(HeaderNames.CONTENT_TYPE, "text/plain");
                          res.send(BODY);
                        }))
            .build()
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    System.out.println("bare Helidon listening on 127.0.0.1:" + server.port());
  }
}
