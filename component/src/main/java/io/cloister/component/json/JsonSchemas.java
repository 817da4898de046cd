package io.cloister.component.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.util.Optional;

/**
 * JSON Schemas (draft 2020-12) of the JSON that {@link JsonValues} accepts for a WIT type, and of a
 * function's named parameters as {@link JsonCalls#arguments} reads them: what an MCP client or a
 * form generator needs to build a valid call. A value a schema admits is one the call lifts, with
 * one exception: a 64-bit integer written as a decimal string is checked against its range by the
 * call alone (which names the value and its path).
 */
public final class JsonSchemas {
  /** The dialect of every schema written here. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonSchemas() {}

  /** Whether a value of {@code type} can be written as JSON at all (no resource handle inside). */
  public static boolean representable(ValType type) {
    return switch (type) {
      case OwnType o -> false;
      case BorrowType b -> false;
      case ListType l -> representable(l.element());
      case OptionType o -> representable(o.element());
      case TupleType t -> t.elements().stream().allMatch(JsonSchemas::representable);
      case RecordType r -> r.fields().stream().allMatch(f -> representable(f.type()));
      case VariantType v ->
          v.cases().stream().allMatch(c -> c.type().map(JsonSchemas::representable).orElse(true));
      case ResultType r ->
          r.ok().map(JsonSchemas::representable).orElse(true)
              && r.error().map(JsonSchemas::representable).orElse(true);
      default -> true;
    };
  }

  /** Whether every parameter and the result of {@code type} can be written as JSON. */
  public static boolean representable(FuncType type) {
    return type.params().stream().allMatch(p -> representable(p.type()))
        && type.result().map(JsonSchemas::representable).orElse(true);
  }

  /**
   * The schema of a call's arguments: an object with one property per parameter, required unless
   * it is an {@code option} (absent means {@code none}), and no others.
   *
   * @throws IllegalArgumentException if a parameter holds a resource ({@link #representable})
   */
  public static ObjectNode parameters(FuncType type) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Param p : type.params()) {
      properties.set(p.name(), of(p.type()));
      if (!(p.type() instanceof OptionType)) {
        required.add(p.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * The schema of a JSON value of {@code type}, with the WIT type in its {@code description}.
   *
   * @throws IllegalArgumentException if {@code type} holds a resource ({@link #representable})
   */
  public static ObjectNode of(ValType type) {
    ObjectNode schema = shape(type);
    schema.put("description", TypeNames.wit(type));
    return schema;
  }

  private static ObjectNode shape(ValType type) {
    return switch (type) {
      case PrimitiveType p -> primitive(p);
      case ListType l -> {
        ObjectNode array = NODES.objectNode().put("type", "array");
        array.set("items", of(l.element()));
        if (l.element() == PrimitiveType.U8) {
          ObjectNode base64 =
              NODES.objectNode()
                  .put("type", "string")
                  .put("contentEncoding", "base64")
                  .put("pattern", "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");
          yield oneOf(base64, array);
        }
        yield array;
      }
      case TupleType t -> {
        ObjectNode array = NODES.objectNode().put("type", "array");
        ArrayNode items = array.putArray("prefixItems");
        t.elements().forEach(e -> items.add(of(e)));
        array.put("items", false);
        array.put("minItems", t.elements().size());
        yield array;
      }
      case RecordType r -> {
        ObjectNode object = NODES.objectNode().put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Field f : r.fields()) {
          properties.set(f.name(), of(f.type()));
          required.add(f.name());
        }
        if (!required.isEmpty()) {
          object.set("required", required);
        }
        object.put("additionalProperties", false);
        yield object;
      }
      case VariantType v -> {
        ArrayNode cases = NODES.arrayNode();
        ArrayNode bare = NODES.arrayNode();
        for (Case c : v.cases()) {
          cases.add(singleKey(c.name(), c.type()));
          if (c.type().isEmpty()) {
            bare.add(c.name());
          }
        }
        if (!bare.isEmpty()) {
          cases.add(NODES.objectNode().put("type", "string").set("enum", bare));
        }
        ObjectNode schema = NODES.objectNode();
        schema.set("oneOf", cases);
        yield schema;
      }
      case EnumType e -> {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode labels = schema.putArray("enum");
        e.labels().forEach(labels::add);
        yield schema;
      }
      case FlagsType f -> {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        ObjectNode item = schema.putObject("items").put("type", "string");
        ArrayNode labels = item.putArray("enum");
        f.labels().forEach(labels::add);
        yield schema;
      }
      case OptionType o -> {
        // anyOf: in option<option<T>> both branches admit null, which is the outer none.
        ObjectNode schema = NODES.objectNode();
        schema.putArray("anyOf").add(NODES.objectNode().put("type", "null")).add(of(o.element()));
        yield schema;
      }
      case ResultType r -> oneOf(singleKey("ok", r.ok()), singleKey("err", r.error()));
      case OwnType o -> throw resource(o.resource().name());
      case BorrowType b -> throw resource(b.resource().name());
    };
  }

  /** {@code {"key": payload}}, with {@code null} as the payload of a case without one. */
  private static ObjectNode singleKey(String key, Optional<ValType> payload) {
    ObjectNode object = NODES.objectNode().put("type", "object");
    object
        .putObject("properties")
        .set(key, payload.isPresent() ? of(payload.get()) : NODES.objectNode().put("type", "null"));
    object.putArray("required").add(key);
    object.put("additionalProperties", false);
    return object;
  }

  private static ObjectNode oneOf(ObjectNode a, ObjectNode b) {
    ObjectNode schema = NODES.objectNode();
    schema.putArray("oneOf").add(a).add(b);
    return schema;
  }

  private static ObjectNode primitive(PrimitiveType p) {
    return switch (p) {
      case BOOL -> NODES.objectNode().put("type", "boolean");
      case S8 -> integer(-128, 127);
      case U8 -> integer(0, 255);
      case S16 -> integer(-32768, 32767);
      case U16 -> integer(0, 65535);
      case S32 -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case U32 -> integer(0, 0xffff_ffffL);
      case S64 -> wide(integer(Long.MIN_VALUE, Long.MAX_VALUE), "^-?[0-9]{1,19}$");
      case U64 -> {
        // Beyond Long.MAX_VALUE the bound is a decimal string: JSON numbers are arbitrary here.
        ObjectNode number = NODES.objectNode().put("type", "integer").put("minimum", 0);
        number.put("maximum", new java.math.BigInteger("18446744073709551615"));
        yield wide(number, "^[0-9]{1,20}$");
      }
      case F32, F64 ->
          oneOf(
              NODES.objectNode().put("type", "number"),
              (ObjectNode)
                  NODES.objectNode()
                      .put("type", "string")
                      .set("enum", NODES.arrayNode().add("NaN").add("Infinity").add("-Infinity")));
      case CHAR ->
          NODES.objectNode().put("type", "string").put("minLength", 1).put("maxLength", 1);
      case STRING -> NODES.objectNode().put("type", "string");
    };
  }

  private static ObjectNode integer(long min, long max) {
    return NODES.objectNode().put("type", "integer").put("minimum", min).put("maximum", max);
  }

  /** A 64-bit integer: a JSON integer, or a decimal string (the range is checked by the call). */
  private static ObjectNode wide(ObjectNode number, String pattern) {
    return oneOf(number, NODES.objectNode().put("type", "string").put("pattern", pattern));
  }

  private static IllegalArgumentException resource(String name) {
    return new IllegalArgumentException(
        "resource handles (" + name + ") cannot be passed as JSON");
  }
}
