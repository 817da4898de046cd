package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code /rpc} and {@code /mcp} of a real {@code cloister enclave} process, on the shared fixtures
 * (records, lists, options, variants, enums, flags, results and resources in their signatures),
 * over verified RA-TLS; and {@code cloister verify} with nothing but the enclave's address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnclaveRpcTest {
  private static final Path SHARED = Path.of("..", "..", "shared", "fixtures", "components");
  private static final Path HTTP_FIXTURES = Path.of("..", "fixtures", "http", "build");
  private static final List<String> FIXTURES =
      List.of("records", "variants", "flavorful", "lists", "numbers", "resources");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @TempDir static Path dir;
  EnclaveProcess enclave;
  HttpClient http;

  @BeforeAll
  void start() throws Exception {
    enclave = EnclaveProcess.start(dir.resolve("data"), "enclave.test");
    RaTlsTrustManager trust =
        new RaTlsTrustManager(
            enclave.verifier(),
            RaTlsExpectations.none().withMrEnclave(HexFormat.of().parseHex(enclave.mrEnclave)),
            report -> {});
    http =
        HttpClient.newBuilder()
            .sslContext(RaTlsContexts.client(trust))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    try (EnclaveClient client = enclave.client()) {
      for (String name : FIXTURES) {
        client.deploy(
            DeploymentSpec.of(name, "/" + name, Optional.empty()),
            SHARED.resolve(name + ".component.wasm"));
      }
      client.deploy(
          DeploymentSpec.of("hello", "/hello", Optional.empty()),
          HTTP_FIXTURES.resolve("hello.component.wasm"));
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (enclave != null) {
      enclave.close();
    }
  }

  private record Answer(int status, String contentType, JsonNode body, String text) {}

  private Answer send(String method, String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(enclave.apps.resolve(path)).timeout(Duration.ofSeconds(60));
    headers.forEach(req::header);
    req.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    String type = res.headers().firstValue("content-type").orElse("");
    JsonNode json = type.contains("json") ? JSON.readTree(res.body()) : null;
    return new Answer(res.statusCode(), type, json, res.body());
  }

  private Answer call(String app, String function, String args) throws Exception {
    return send(
        "POST",
        "/rpc/" + app + "/" + URLEncoder.encode(function, StandardCharsets.UTF_8),
        args,
        Map.of("Content-Type", "application/json"));
  }

  private JsonNode mcp(String app, String message) throws Exception {
    Answer a =
        send(
            "POST",
            "/mcp/" + app,
            message,
            Map.of(
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream",
                "MCP-Protocol-Version", "2025-06-18"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.body().path("jsonrpc").asText()).isEqualTo("2.0");
    return a.body();
  }

  private static JsonNode function(JsonNode schema, String name) {
    for (JsonNode f : schema.path("functions")) {
      if (f.path("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no function " + name + " in " + schema);
  }

  @Test
  void theSchemaListsEachFunctionWithItsWitTypes() throws Exception {
    Answer a = send("GET", "/rpc/records/schema", null, Map.of());
    assertThat(a.status()).isEqualTo(200);
    JsonNode swap = function(a.body(), "test:records/test#swap-tuple");
    assertThat(swap.path("params").get(0).path("type").path("wit").asText())
        .isEqualTo("tuple<u8, u32>");
    assertThat(swap.path("result").path("wit").asText()).isEqualTo("tuple<u32, u8>");
    assertThat(swap.path("callable").asBoolean()).isTrue();
    JsonNode flags = function(a.body(), "test:records/test#roundtrip-flags1");
    assertThat(flags.path("params").get(0).path("type").path("kind").asText()).isEqualTo("flags");
    assertThat(flags.path("inputSchema").path("required").get(0).asText()).isEqualTo("a");
    // The fixture's own test interface is not WASI: it is denied, and said so.
    assertThat(a.body().path("deniedImports").toString()).contains("test:records/test");

    JsonNode resources = send("GET", "/rpc/resources/schema", null, Map.of()).body();
    JsonNode ctor = function(resources, "exports#[constructor]x");
    assertThat(ctor.path("callable").asBoolean()).isFalse();
    assertThat(ctor.path("reason").asText()).contains("resource");
    assertThat(ctor.has("inputSchema")).isFalse();
    assertThat(function(resources, "exports#[static]z.num-dropped").path("callable").asBoolean())
        .isTrue();

    // An HTTP app has its handler over HTTP, not as a function.
    JsonNode hello = send("GET", "/rpc/hello/schema", null, Map.of()).body();
    assertThat(hello.path("functions")).isEmpty();
  }

  @Test
  void callsRoundTripRecordsVariantsEnumsFlagsOptionsAndResults() throws Exception {
    assertThat(call("records", "test:records/test#roundtrip-flags1", "{\"a\": [\"b\", \"a\"]}").body())
        .hasToString("{\"result\":[\"a\",\"b\"]}");
    assertThat(call("records", "test:records/test#swap-tuple", "{\"a\": [7, 4000000000]}").body())
        .hasToString("{\"result\":[4000000000,7]}");
    Answer record = call("records", "test:records/test#roundtrip-record1", "{\"a\": {\"a\": 8, \"b\": [\"b\"]}}");
    assertThat(record.status()).as(record.text()).isEqualTo(200);
    assertThat(record.body().path("result").path("a").asInt()).isEqualTo(8);
    assertThat(call("variants", "test:variants/test#invert-bool", "{\"a\": true}").body())
        .hasToString("{\"result\":false}");
    assertThat(call("variants", "test:variants/test#roundtrip-option", "{\"a\": 3.0}").body())
        .hasToString("{\"result\":3}");
    assertThat(call("variants", "test:variants/test#roundtrip-option", "{}").body())
        .hasToString("{\"result\":null}");
    assertThat(call("variants", "test:variants/test#roundtrip-result", "{\"a\": {\"ok\": 2}}").body())
        .hasToString("{\"result\":{\"ok\":2.0}}");
    assertThat(call("variants", "test:variants/test#roundtrip-result", "{\"a\": {\"err\": 5.0}}").body())
        .hasToString("{\"result\":{\"err\":5}}");
    JsonNode enumLabels =
        function(send("GET", "/rpc/variants/schema", null, Map.of()).body(), "test:variants/test#roundtrip-enum")
            .path("params").get(0).path("type").path("labels");
    String label = enumLabels.get(enumLabels.size() - 1).asText();
    assertThat(call("variants", "test:variants/test#roundtrip-enum", "{\"a\": \"" + label + "\"}").body())
        .hasToString("{\"result\":\"" + label + "\"}");
    assertThat(call("lists", "test:lists/test#list-roundtrip", "{\"a\": \"AQID\"}").body())
        .hasToString("{\"result\":\"AQID\"}");
    assertThat(call("lists", "test:lists/test#string-roundtrip", "{\"a\": \"h\\u00e9llo\"}").body()
            .path("result").asText())
        .isEqualTo("h\u00e9llo");
    assertThat(call("resources", "exports#[static]z.num-dropped", null).status()).isEqualTo(200);
  }

  @Test
  void aWrongArgumentIs400NamingItsJsonPathAndNothingBreaks() throws Exception {
    Answer nested = call("records", "test:records/test#roundtrip-record1", "{\"a\": {\"a\": 300, \"b\": []}}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.contentType()).isEqualTo("application/problem+json");
    assertThat(nested.body().path("field").asText()).isEqualTo("$.a.a");
    assertThat(nested.body().path("detail").asText()).contains("u8");

    Answer element = call("lists", "test:lists/test#list-param3", "{\"a\": [\"x\", 2]}");
    assertThat(element.status()).isEqualTo(400);
    assertThat(element.body().path("field").asText()).isEqualTo("$.a[1]");

    Answer unknownParam = call("variants", "test:variants/test#invert-bool", "{\"a\": true, \"b\": 1}");
    assertThat(unknownParam.status()).isEqualTo(400);
    assertThat(unknownParam.body().path("field").asText()).isEqualTo("$.b");

    Answer notJson = call("records", "test:records/test#tuple1", "{\"a\": [1");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().path("detail").asText()).contains("not JSON");

    Answer wrongType =
        send("POST", "/rpc/records/test-imports", "x", Map.of("Content-Type", "text/plain"));
    assertThat(wrongType.status()).isEqualTo(415);

    Answer resource = call("resources", "exports#[constructor]x", "{\"a\": 1}");
    assertThat(resource.status()).isEqualTo(400);
    assertThat(resource.body().path("detail").asText()).contains("resource");

    assertThat(call("records", "no-such-function", "{}").status()).isEqualTo(404);
    assertThat(call("no-such-app", "f", "{}").status()).isEqualTo(404);
    assertThat(send("GET", "/rpc/records/test-imports", null, Map.of()).status()).isEqualTo(405);

    // test-imports calls the fixture's test interface, which the enclave denies: a trap, reported
    // as the app's failure; the app goes on answering.
    Answer trap = call("records", "test-imports", null);
    assertThat(trap.status()).isEqualTo(500);
    assertThat(trap.body().path("type").asText()).endsWith(":trap");
    assertThat(trap.body().path("detail").asText()).contains("is not provided by this host");
    assertThat(call("variants", "test:variants/test#invert-bool", "{\"a\": false}").body())
        .hasToString("{\"result\":true}");
  }

  @Test
  void mcpInitializesListsToolsWhoseSchemasAdmitWhatTheCallsAcceptAndCallsThem() throws Exception {
    JsonNode init =
        mcp("records", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
            + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, "
            + "\"clientInfo\": {\"name\": \"test\", \"version\": \"1\"}}}");
    assertThat(init.path("id").asInt()).isEqualTo(1);
    assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    assertThat(init.path("result").path("capabilities").has("tools")).isTrue();
    Answer initialized =
        send("POST", "/mcp/records", "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}",
            Map.of("Content-Type", "application/json"));
    assertThat(initialized.status()).isEqualTo(202);

    int called = 0;
    for (String app : FIXTURES) {
      JsonNode list = mcp(app, "{\"jsonrpc\": \"2.0\", \"id\": \"l\", \"method\": \"tools/list\"}");
      JsonNode tools = list.path("result").path("tools");
      assertThat(tools).as(app).isNotEmpty();
      for (JsonNode tool : tools) {
        assertThat(tool.path("name").asText()).matches("[A-Za-z0-9_.-]{1,128}");
        Schema input = SCHEMAS.getSchema(tool.path("inputSchema"));
        // Arguments built from the schema alone: valid under it, and never refused by the call.
        for (boolean last : new boolean[] {false, true}) {
          JsonNode args = Samples.of(tool.path("inputSchema"), last);
          assertThat(input.validate(args)).as("%s %s", tool.path("name"), args).isEmpty();
          JsonNode res =
              mcp(app, "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"tools/call\", \"params\": "
                  + JSON.writeValueAsString(Map.of("name", tool.path("name").asText(), "arguments", args))
                  + "}");
          JsonNode result = res.path("result");
          if (result.path("isError").asBoolean()) {
            // A fixture may trap on values it does not expect (its own assertions); it may never
            // refuse a value its schema admits: the same call over /rpc is a trap, not a 400.
            Answer direct = call(app, tool.path("title").asText(), args.toString());
            assertThat(direct.status()).as("%s %s: %s", tool.path("name"), args, direct.text())
                .isEqualTo(500);
          } else if (tool.has("outputSchema")) {
            assertThat(SCHEMAS.getSchema(tool.path("outputSchema")).validate(result.path("structuredContent")))
                .as("%s output %s", tool.path("name"), result.path("structuredContent"))
                .isEmpty();
            called++;
          }
        }
        // A value outside the schema is refused by both.
        ObjectNode wrong = NODES.objectNode().put("no-such-parameter", 1);
        assertThat(input.validate(wrong)).isNotEmpty();
        JsonNode refused =
            mcp(app, "{\"jsonrpc\": \"2.0\", \"id\": 8, \"method\": \"tools/call\", \"params\": "
                + JSON.writeValueAsString(Map.of("name", tool.path("name").asText(), "arguments", wrong))
                + "}");
        assertThat(refused.path("result").path("isError").asBoolean()).isTrue();
        assertThat(refused.path("result").path("content").get(0).path("text").asText())
            .containsAnyOf("no-such-parameter", "missing value");
      }
    }
    assertThat(called).as("tools that answered with a result").isGreaterThan(20);

    JsonNode unknown =
        mcp("records", "{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"tools/call\", \"params\": {\"name\": \"nope\"}}");
    assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32602);
    JsonNode method = mcp("records", "{\"jsonrpc\": \"2.0\", \"id\": 10, \"method\": \"resources/list\"}");
    assertThat(method.path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void mcpRefusesWhatTheTransportForbids() throws Exception {
    assertThat(send("GET", "/mcp/records", null, Map.of()).status()).isEqualTo(405);
    assertThat(send("POST", "/mcp/records", "{}", Map.of("Origin", "https://evil.example")).status())
        .isEqualTo(403);
    assertThat(
            send("POST", "/mcp/records", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}",
                Map.of("MCP-Protocol-Version", "1999-01-01")).status())
        .isEqualTo(400);
    Answer batch = send("POST", "/mcp/records", "[{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}]", Map.of());
    assertThat(batch.status()).isEqualTo(400);
    assertThat(batch.body().path("error").path("code").asInt()).isEqualTo(-32600);
    Answer garbage = send("POST", "/mcp/records", "{\"jsonrpc\"", Map.of());
    assertThat(garbage.body().path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(send("POST", "/mcp/no-such-app", "{}", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void verifyNeedsNothingButTheAddressAndSaysWhereTheRootCameFrom() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(
            "verify",
            enclave.apps.resolve("/hello").toString(),
            "--sni",
            "hello.enclave.test",
            "--allow-simulated");
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("taken from the enclave itself").contains("SIMULATED");

    StringWriter refusedOut = new StringWriter();
    CommandLine strict = Main.commandLine();
    strict.setOut(new PrintWriter(refusedOut));
    strict.setErr(new PrintWriter(new StringWriter()));
    assertThat(strict.execute("verify", enclave.apps.toString())).isNotZero();
    assertThat(refusedOut.toString()).contains("not trusted (simulation not allowed)");
  }

  /** JSON values built from a JSON Schema alone (the first or the last choice at every branch). */
  static final class Samples {
    private Samples() {}

    static JsonNode of(JsonNode schema, boolean last) {
      for (String choice : List.of("oneOf", "anyOf")) {
        if (schema.has(choice)) {
          JsonNode options = schema.path(choice);
          return of(options.get(last ? options.size() - 1 : 0), last);
        }
      }
      if (schema.has("enum")) {
        JsonNode values = schema.path("enum");
        return values.get(last ? values.size() - 1 : 0);
      }
      return switch (schema.path("type").asText()) {
        case "null" -> NODES.nullNode();
        case "boolean" -> NODES.booleanNode(last);
        case "integer" ->
            last ? schema.path("maximum") : schema.path("minimum");
        case "number" -> NODES.numberNode(last ? 1.5 : 0.0);
        case "string" -> {
          if (schema.has("pattern") && schema.path("contentEncoding").asText().equals("base64")) {
            yield NODES.textNode(last ? "AAEC" : "");
          }
          if (schema.has("pattern")) {
            yield NODES.textNode(last ? "42" : "0");
          }
          yield NODES.textNode(schema.path("maxLength").asInt(5) == 1 ? "x" : (last ? "h\u00e9" : ""));
        }
        case "array" -> {
          ArrayNode a = NODES.arrayNode();
          if (schema.has("prefixItems")) {
            schema.path("prefixItems").forEach(item -> a.add(of(item, last)));
          } else if (last) {
            a.add(of(schema.path("items"), true));
          }
          yield a;
        }
        case "object" -> {
          ObjectNode o = NODES.objectNode();
          List<String> required = new ArrayList<>();
          schema.path("required").forEach(r -> required.add(r.asText()));
          Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
          while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            if (last || required.contains(p.getKey())) {
              o.set(p.getKey(), of(p.getValue(), last));
            }
          }
          yield o;
        }
        default -> throw new AssertionError("a schema this generator does not know: " + schema);
      };
    }
  }
}
