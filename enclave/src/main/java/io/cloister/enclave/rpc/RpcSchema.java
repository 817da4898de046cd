package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.json.JsonCalls;
import io.cloister.component.json.JsonSchemas;

/**
 * {@code GET /rpc/<app>/schema}: {@code {"app", "functions": [...], "deniedImports": [...]}}, each
 * function as {@link JsonCalls#describe} writes it, plus {@code callable}, the reason when it is
 * not, and, when it is, the JSON Schema of its parameters ({@code inputSchema}) and result.
 */
final class RpcSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RpcSchema() {}

  static ObjectNode of(RpcApp app) {
    ObjectNode out = NODES.objectNode();
    out.put("app", app.name());
    ArrayNode functions = out.putArray("functions");
    for (RpcFunction f : app.functions()) {
      ObjectNode fn = JsonCalls.describe(f.name(), f.type());
      fn.put("callable", f.callable());
      if (f.callable()) {
        fn.set("inputSchema", JsonSchemas.parameters(f.type()));
        fn.set(
            "resultSchema",
            f.type().result().<com.fasterxml.jackson.databind.JsonNode>map(JsonSchemas::of)
                .orElse(NODES.objectNode().put("type", "null")));
      } else {
        fn.put("reason", f.uncallable().get());
      }
      functions.add(fn);
    }
    ArrayNode denied = out.putArray("deniedImports");
    app.deniedImports().forEach(denied::add);
    return out;
  }
}
