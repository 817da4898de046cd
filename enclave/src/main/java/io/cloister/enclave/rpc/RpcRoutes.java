package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.enclave.manage.ProblemResponses;
import io.cloister.enclave.protocol.Problem;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /rpc/<app>/schema} and {@code POST /rpc/<app>/<function>} (the function's name as
 * {@code /schema} lists it, {@code #} written {@code %23}): named JSON parameters in, {@code
 * {"result": ...}} out, RFC 9457 problems naming the argument at fault otherwise.
 */
public final class RpcRoutes {
  /** The reserved path the routes live under. */
  public static final String PATH = "/rpc";

  private final RpcApps apps;
  private final RpcMetrics metrics;

  /** Routes to the functions of {@code apps}, counted in {@code registry}. */
  public RpcRoutes(RpcApps apps, MeterRegistry registry) {
    this.apps = apps;
    this.metrics = new RpcMetrics(registry, "rpc");
  }

  /** Adds the routes to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing.any(PATH, this::handle);
    routing.any(PATH + "/*", this::handle);
  }

  private void handle(ServerRequest req, ServerResponse res) {
    String rest = req.path().path().substring(PATH.length());
    rest = rest.startsWith("/") ? rest.substring(1) : rest;
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      problem(res, 404, "not-found", "Not found",
          "expected /rpc/<app>/schema or /rpc/<app>/<function>", null);
      return;
    }
    String appName = rest.substring(0, slash);
    String function = rest.substring(slash + 1);
    Optional<RpcApp> app = apps.app(appName);
    if (app.isEmpty()) {
      problem(res, 404, "not-found", "Not found", "no app named '" + clip(appName) + "' runs here", null);
      return;
    }
    if (function.equals("schema")) {
      if (req.prologue().method() != Method.GET) {
        res.header(HeaderNames.ALLOW, "GET");
        problem(res, 405, "method-not-allowed", "Method not allowed", "the schema is read with GET", null);
        return;
      }
      json(res, Status.OK_200, RpcSchema.of(app.get()));
      return;
    }
    if (req.prologue().method() != Method.POST) {
      res.header(HeaderNames.ALLOW, "POST");
      problem(res, 405, "method-not-allowed", "Method not allowed", "a function is called with POST", null);
      return;
    }
    JsonNode params;
    try {
      params = JsonBody.read(req);
    } catch (JsonBody.BadBodyException e) {
      problem(res, e.status(), "bad-request", "Bad request", e.getMessage(), null);
      return;
    }
    long start = System.nanoTime();
    try {
      JsonNode result = app.get().call(function, params);
      metrics.record(appName, "ok", start);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.set("result", result);
      json(res, Status.OK_200, out);
    } catch (RpcException e) {
      metrics.record(appName, e.kind().name().toLowerCase(java.util.Locale.ROOT), start);
      if (e.kind() == RpcException.Kind.BUSY) {
        res.header(HeaderNames.RETRY_AFTER, "1");
      }
      problem(res, status(e.kind()), slug(e.kind()), title(e.kind()), e.getMessage(), e.path());
    }
  }

  /** The HTTP status of a failed call. */
  static int status(RpcException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case BAD_ARGUMENTS -> 400;
      case BUSY -> 503;
      case TRAPPED -> 500;
      case DEADLINE -> 504;
    };
  }

  private static String slug(RpcException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "not-found";
      case BAD_ARGUMENTS -> "bad-arguments";
      case BUSY -> "busy";
      case TRAPPED -> "trap";
      case DEADLINE -> "deadline";
    };
  }

  private static String title(RpcException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "Not found";
      case BAD_ARGUMENTS -> "Bad arguments";
      case BUSY -> "The app is busy";
      case TRAPPED -> "The app trapped";
      case DEADLINE -> "The app missed its deadline";
    };
  }

  private static void problem(
      ServerResponse res, int status, String slug, String title, String detail, String field) {
    Problem p = Problem.of(slug, title, status, detail);
    ProblemResponses.send(res, field == null ? p : p.withField(field));
  }

  private static void json(ServerResponse res, Status status, JsonNode body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(ProtocolJson.text(body).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code s} fit for one line of a message: control characters replaced, at most 80 chars. */
  static String clip(String s) {
    String safe = s.replaceAll("\\p{Cntrl}", "?");
    return safe.length() > 80 ? safe.substring(0, 77) + "..." : safe;
  }
}
