package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.json.JsonSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An app's callable functions as MCP tools. Tool names keep to the characters MCP clients accept
 * ({@code A-Z a-z 0-9 _ - .}, at most 128): {@code test:records/test#roundtrip-flags1} becomes
 * {@code test_records_test.roundtrip-flags1}, made unique with a suffix when two collide; the WIT
 * name is in the description.
 */
final class McpTools {
  private static final int MAX_NAME = 128;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, RpcFunction> byTool = new LinkedHashMap<>();

  McpTools(RpcApp app) {
    for (RpcFunction f : app.functions()) {
      if (f.callable()) {
        String base = toolName(f.name());
        String name = base;
        for (int i = 2; byTool.containsKey(name); i++) {
          String suffix = "_" + i;
          name = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        }
        byTool.put(name, f);
      }
    }
  }

  /** The function a tool calls. */
  Optional<RpcFunction> function(String tool) {
    return Optional.ofNullable(byTool.get(tool));
  }

  /** The tools as {@code tools/list} lists them. */
  Map<String, RpcFunction> tools() {
    return byTool;
  }

  /** One tool's entry: name, title, description, input schema and, with a result, output schema. */
  static ObjectNode describe(String tool, RpcFunction f) {
    ObjectNode out = NODES.objectNode();
    out.put("name", tool);
    out.put("title", f.name());
    out.put(
        "description",
        "Calls the exported function " + f.name() + " of this WebAssembly component.");
    out.set("inputSchema", JsonSchemas.parameters(f.type()));
    if (f.type().result().isPresent()) {
      ObjectNode output = out.putObject("outputSchema");
      output.put("type", "object");
      output.putObject("properties").set("result", JsonSchemas.of(f.type().result().get()));
      output.putArray("required").add("result");
      output.put("additionalProperties", false);
    }
    return out;
  }

  static String toolName(String function) {
    String name = function.replace('#', '.').replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }
}
