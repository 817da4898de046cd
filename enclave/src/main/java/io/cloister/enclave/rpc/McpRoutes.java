package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /mcp/<app>}: an app's exported functions as the tools of a Model Context Protocol server,
 * over the streamable HTTP transport, stateless (no session: every request stands alone, as the
 * calls do). A POST carries one JSON-RPC 2.0 message: {@code initialize}, {@code ping}, {@code
 * tools/list} and {@code tools/call} are answered as {@code application/json}; notifications get
 * 202. GET and DELETE get 405 (there is no server-initiated stream and no session to end).
 */
public final class McpRoutes {
  /** The reserved path the routes live under. */
  public static final String PATH = "/mcp";

  /** The protocol revisions served, newest first. */
  static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

  private static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // JSON-RPC 2.0 error codes.
  private static final int PARSE_ERROR = -32700;
  private static final int INVALID_REQUEST = -32600;
  private static final int METHOD_NOT_FOUND = -32601;
  private static final int INVALID_PARAMS = -32602;

  private final RpcApps apps;
  private final String serverVersion;
  private final RpcMetrics metrics;

  /** Serves the functions of {@code apps}; {@code serverVersion} goes into {@code serverInfo}. */
  public McpRoutes(RpcApps apps, String serverVersion, MeterRegistry registry) {
    this.apps = apps;
    this.serverVersion = serverVersion;
    this.metrics = new RpcMetrics(registry, "mcp");
  }

  /** Adds the routes to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing.any(PATH + "/*", this::handle);
  }

  private void handle(ServerRequest req, ServerResponse res) {
    String appName = req.path().path().substring(PATH.length() + 1);
    Optional<RpcApp> app = appName.contains("/") ? Optional.empty() : apps.app(appName);
    if (app.isEmpty()) {
      text(res, Status.NOT_FOUND_404, "no app named '" + RpcRoutes.clip(appName) + "' runs here");
      return;
    }
    if (req.prologue().method() != Method.POST) {
      res.header(HeaderNames.ALLOW, "POST");
      text(res, Status.METHOD_NOT_ALLOWED_405, "this MCP server is stateless: POST one message");
      return;
    }
    Optional<Refusal> refused = refusedHeaders(req);
    if (refused.isPresent()) {
      text(res, refused.get().status(), refused.get().why());
      return;
    }
    JsonNode message;
    try {
      message = JsonBody.read(req);
    } catch (JsonBody.BadBodyException e) {
      if (e.status() == 400) {
        rpc(res, Status.BAD_REQUEST_400, error(null, PARSE_ERROR, e.getMessage()));
      } else {
        text(res, Status.create(e.status()), e.getMessage());
      }
      return;
    }
    if (message == null || !message.isObject()) {
      rpc(res, Status.BAD_REQUEST_400,
          error(null, INVALID_REQUEST, "expected one JSON-RPC 2.0 message (an object)"));
      return;
    }
    JsonNode id = message.get("id");
    if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
      rpc(res, Status.BAD_REQUEST_400, error(id, INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\""));
      return;
    }
    JsonNode method = message.get("method");
    if (method == null) {
      // A response or an error from the client: this server asks nothing, so it has nothing to do.
      res.status(Status.ACCEPTED_202).send();
      return;
    }
    if (!method.isTextual()) {
      rpc(res, Status.BAD_REQUEST_400, error(id, INVALID_REQUEST, "\"method\" must be a string"));
      return;
    }
    if (id == null) {
      res.status(Status.ACCEPTED_202).send(); // a notification: notifications/initialized and the like
      return;
    }
    if (!(id.isTextual() || id.isIntegralNumber())) {
      rpc(res, Status.BAD_REQUEST_400,
          error(null, INVALID_REQUEST, "\"id\" must be a string or an integer"));
      return;
    }
    JsonNode params = message.path("params");
    ObjectNode answer =
        switch (method.textValue()) {
          case "initialize" -> result(id, initialize(app.get(), params));
          case "ping" -> result(id, NODES.objectNode());
          case "tools/list" -> result(id, toolsList(app.get()));
          case "tools/call" -> toolsCall(app.get(), id, params);
          default ->
              error(id, METHOD_NOT_FOUND, "this server offers initialize, ping, tools/list and"
                  + " tools/call, not " + RpcRoutes.clip(method.textValue()));
        };
    rpc(res, Status.OK_200, answer);
  }

  private record Refusal(Status status, String why) {}

  /**
   * Why the headers are refused, if they are: an {@code Origin} other than this host (a page of
   * another site, or DNS rebinding), or a protocol revision this server does not speak.
   */
  private static Optional<Refusal> refusedHeaders(ServerRequest req) {
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
    String host = req.headers().first(HeaderNames.HOST).orElse("");
    if (origin.isPresent() && !origin.get().equalsIgnoreCase("https://" + host)) {
      return Optional.of(
          new Refusal(
              Status.FORBIDDEN_403,
              "the Origin " + RpcRoutes.clip(origin.get()) + " is not this server's"));
    }
    Optional<String> version = req.headers().first(PROTOCOL_VERSION);
    if (version.isPresent() && !VERSIONS.contains(version.get())) {
      return Optional.of(
          new Refusal(
              Status.BAD_REQUEST_400,
              "unsupported MCP-Protocol-Version " + RpcRoutes.clip(version.get())
                  + "; this server speaks " + VERSIONS));
    }
    return Optional.empty();
  }

  private ObjectNode initialize(RpcApp app, JsonNode params) {
    String asked = params.path("protocolVersion").asText("");
    ObjectNode out = NODES.objectNode();
    out.put("protocolVersion", VERSIONS.contains(asked) ? asked : VERSIONS.get(0));
    out.putObject("capabilities").putObject("tools").put("listChanged", false);
    ObjectNode info = out.putObject("serverInfo");
    info.put("name", "cloister/" + app.name());
    info.put("version", serverVersion);
    out.put(
        "instructions",
        "The tools are the exported functions of the WebAssembly app '" + app.name()
            + "', running in an attested enclave; each call runs in a fresh instance.");
    return out;
  }

  private static ObjectNode toolsList(RpcApp app) {
    ObjectNode out = NODES.objectNode();
    ArrayNode tools = out.putArray("tools");
    for (Map.Entry<String, RpcFunction> t : app.tools().tools().entrySet()) {
      tools.add(McpTools.describe(t.getKey(), t.getValue()));
    }
    return out;
  }

  private ObjectNode toolsCall(RpcApp app, JsonNode id, JsonNode params) {
    JsonNode name = params.path("name");
    if (!name.isTextual()) {
      return error(id, INVALID_PARAMS, "tools/call needs params.name, the tool's name");
    }
    Optional<RpcFunction> fn = app.tools().function(name.textValue());
    if (fn.isEmpty()) {
      return error(id, INVALID_PARAMS, "unknown tool " + RpcRoutes.clip(name.textValue()));
    }
    JsonNode arguments = params.get("arguments");
    long start = System.nanoTime();
    ObjectNode out = NODES.objectNode();
    try {
      JsonNode result = app.call(fn.get().name(), arguments);
      metrics.record(app.name(), "ok", start);
      ObjectNode structured = NODES.objectNode();
      structured.set("result", result);
      out.putArray("content").addObject().put("type", "text").put("text", ProtocolJson.text(result));
      if (fn.get().type().result().isPresent()) {
        out.set("structuredContent", structured);
      }
      out.put("isError", false);
    } catch (RpcException e) {
      metrics.record(app.name(), e.kind().name().toLowerCase(Locale.ROOT), start);
      // Tool errors go back to the model as results, so it can correct its arguments.
      out.putArray("content").addObject().put("type", "text").put("text", e.getMessage());
      out.put("isError", true);
    }
    return result(id, out);
  }

  private static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode out = NODES.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("result", result);
    return out;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode out = NODES.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id == null ? NODES.nullNode() : id);
    ObjectNode error = out.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return out;
  }

  private static void rpc(ServerResponse res, Status status, ObjectNode message) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(ProtocolJson.text(message).getBytes(StandardCharsets.UTF_8));
  }

  private static void text(ServerResponse res, Status status, String message) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.send((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
