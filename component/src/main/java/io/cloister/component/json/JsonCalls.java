package io.cloister.component.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.Param;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A function call in JSON: named parameters to argument values, a result to JSON, and the
 * function's type described for the API Explorer.
 */
public final class JsonCalls {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonCalls() {}

  /**
   * The arguments of a call from a JSON object of named parameters ({@code {"x": 1, "y": 2}}). An
   * absent {@code option} parameter is {@code none}; any other absent or unknown name is an error.
   */
  public static List<Value> arguments(FuncType type, JsonNode params) {
    JsonNode obj = params == null || params.isNull() ? NODES.objectNode() : params;
    if (!obj.isObject()) {
      throw new JsonValueException("$", "expected the parameters as an object, got " + obj);
    }
    List<Value> args = new ArrayList<>(type.params().size());
    for (Param p : type.params()) {
      JsonNode node = obj.get(p.name());
      if (node == null && p.type() instanceof OptionType) {
        node = NullNode.getInstance();
      }
      args.add(JsonValues.fromJson(p.type(), node, JsonValues.member("$", p.name())));
    }
    Iterator<String> names = obj.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (type.params().stream().noneMatch(p -> p.name().equals(n))) {
        throw new JsonValueException(
            JsonValues.member("$", n),
            "the function has no parameter '" + n + "'; it takes "
                + type.params().stream().map(Param::name).toList());
      }
    }
    return args;
  }

  /** The JSON of a call's result: the value, or {@code null} for a function without result. */
  public static JsonNode result(FuncType type, List<Value> results) {
    if (type.result().isEmpty()) {
      return NODES.nullNode();
    }
    return JsonValues.toJson(type.result().get(), results.get(0));
  }

  /**
   * Describes a function for the API Explorer: {@code {"name", "params": [{"name", "type"}],
   * "result"}} where each type is {@code {"wit": "list<u32>", "kind": "list", ...}} with the
   * structure of records, variants, enums and flags spelled out.
   */
  public static ObjectNode describe(String name, FuncType type) {
    ObjectNode out = NODES.objectNode();
    out.put("name", name);
    ArrayNode params = out.putArray("params");
    for (Param p : type.params()) {
      ObjectNode param = params.addObject();
      param.put("name", p.name());
      param.set("type", describe(p.type()));
    }
    out.set("result", type.result().<JsonNode>map(JsonCalls::describe).orElse(NODES.nullNode()));
    return out;
  }

  /** Describes one value type (see {@link #describe(String, FuncType)}). */
  public static ObjectNode describe(ValType type) {
    ObjectNode out = NODES.objectNode();
    out.put("wit", TypeNames.wit(type));
    switch (type) {
      case ListType l -> {
        out.put("kind", "list");
        out.set("element", describe(l.element()));
      }
      case OptionType o -> {
        out.put("kind", "option");
        out.set("element", describe(o.element()));
      }
      case TupleType t -> {
        out.put("kind", "tuple");
        ArrayNode a = out.putArray("elements");
        t.elements().forEach(e -> a.add(describe(e)));
      }
      case RecordType r -> {
        out.put("kind", "record");
        ArrayNode a = out.putArray("fields");
        for (Field f : r.fields()) {
          a.addObject().put("name", f.name()).set("type", describe(f.type()));
        }
      }
      case VariantType v -> {
        out.put("kind", "variant");
        ArrayNode a = out.putArray("cases");
        for (Case c : v.cases()) {
          a.addObject().put("name", c.name()).set("type", describeOptional(c.type()));
        }
      }
      case ResultType r -> {
        out.put("kind", "result");
        out.set("ok", describeOptional(r.ok()));
        out.set("err", describeOptional(r.error()));
      }
      case EnumType e -> {
        out.put("kind", "enum");
        ArrayNode a = out.putArray("labels");
        e.labels().forEach(a::add);
      }
      case FlagsType f -> {
        out.put("kind", "flags");
        ArrayNode a = out.putArray("labels");
        f.labels().forEach(a::add);
      }
      case io.cloister.component.types.OwnType o -> {
        out.put("kind", "own");
        out.put("resource", o.resource().name());
      }
      case io.cloister.component.types.BorrowType b -> {
        out.put("kind", "borrow");
        out.put("resource", b.resource().name());
      }
      default -> out.put("kind", TypeNames.wit(type));
    }
    return out;
  }

  private static JsonNode describeOptional(Optional<ValType> type) {
    return type.<JsonNode>map(JsonCalls::describe).orElse(NODES.nullNode());
  }
}
