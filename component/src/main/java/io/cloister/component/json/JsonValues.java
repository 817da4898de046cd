package io.cloister.component.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import io.cloister.component.values.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts one component value between JSON and {@link Value}, as the package documents. */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MAX_SAFE_INTEGER = 1L << 53;
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private JsonValues() {}

  /**
   * Reads {@code node} as a value of {@code type}.
   *
   * @param path the JSON path of {@code node}, for error messages ({@code $} for the root)
   * @throws JsonValueException naming the path of the first node that does not match
   */
  public static Value fromJson(ValType type, JsonNode node, String path) {
    if (node == null || node.isMissingNode()) {
      throw new JsonValueException(path, "missing value of type " + TypeNames.wit(type));
    }
    return switch (type) {
      case PrimitiveType p -> primitive(p, node, path);
      case ListType l -> list(l, node, path);
      case RecordType r -> record(r, node, path);
      case TupleType t -> tuple(t, node, path);
      case VariantType v -> variant(v, node, path);
      case EnumType e -> new Value.EnumValue(label(e.labels(), node, path, "enum"));
      case OptionType o ->
          new Value.OptionValue(
              node.isNull()
                  ? Optional.empty()
                  : Optional.of(fromJson(o.element(), node, path)));
      case ResultType r -> result(r, node, path);
      case FlagsType f -> flags(f, node, path);
      case OwnType o -> throw resource(path, o.resource().name());
      case BorrowType b -> throw resource(path, b.resource().name());
    };
  }

  /** Writes {@code value}, a value of {@code type}, as JSON. */
  public static JsonNode toJson(ValType type, Value value) {
    return switch (type) {
      case PrimitiveType p -> primitiveToJson(p, value);
      case ListType l -> {
        if (value instanceof Value.Bytes b) {
          yield NODES.textNode(Base64.getEncoder().encodeToString(b.value()));
        }
        List<Value> elements = ((Value.ListValue) value).elements();
        if (l.element() == PrimitiveType.U8) {
          byte[] bytes = new byte[elements.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((Value.U8) elements.get(i)).value();
          }
          yield NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        ArrayNode a = NODES.arrayNode(elements.size());
        elements.forEach(e -> a.add(toJson(l.element(), e)));
        yield a;
      }
      case RecordType r -> {
        ObjectNode o = NODES.objectNode();
        List<Value> fields = ((Value.RecordValue) value).fields();
        for (int i = 0; i < fields.size(); i++) {
          Field f = r.fields().get(i);
          o.set(f.name(), toJson(f.type(), fields.get(i)));
        }
        yield o;
      }
      case TupleType t -> {
        ArrayNode a = NODES.arrayNode();
        List<Value> elements = ((Value.TupleValue) value).elements();
        for (int i = 0; i < elements.size(); i++) {
          a.add(toJson(t.elements().get(i), elements.get(i)));
        }
        yield a;
      }
      case VariantType v -> {
        Value.VariantValue x = (Value.VariantValue) value;
        Case c = v.cases().get(x.caseIndex());
        ObjectNode o = NODES.objectNode();
        o.set(c.name(), payloadToJson(c.type(), x.payload()));
        yield o;
      }
      case EnumType e -> NODES.textNode(e.labels().get(((Value.EnumValue) value).index()));
      case OptionType o -> {
        Optional<Value> inner = ((Value.OptionValue) value).value();
        yield inner.isEmpty() ? NODES.nullNode() : toJson(o.element(), inner.get());
      }
      case ResultType r -> {
        Value.ResultValue x = (Value.ResultValue) value;
        ObjectNode o = NODES.objectNode();
        o.set(x.isOk() ? "ok" : "err", payloadToJson(x.isOk() ? r.ok() : r.error(), x.payload()));
        yield o;
      }
      case FlagsType f -> {
        ArrayNode a = NODES.arrayNode();
        long bits = ((Value.FlagsValue) value).bits();
        for (int i = 0; i < f.labels().size(); i++) {
          if ((bits & (1L << i)) != 0) {
            a.add(f.labels().get(i));
          }
        }
        yield a;
      }
      case OwnType o -> throw resource("$", o.resource().name());
      case BorrowType b -> throw resource("$", b.resource().name());
    };
  }

  private static JsonNode payloadToJson(Optional<ValType> type, Optional<Value> payload) {
    return type.isPresent() && payload.isPresent()
        ? toJson(type.get(), payload.get())
        : NODES.nullNode();
  }

  private static JsonValueException resource(String path, String name) {
    return new JsonValueException(
        path, "resource handles (" + name + ") cannot be passed as JSON");
  }

  private static Value primitive(PrimitiveType p, JsonNode node, String path) {
    return switch (p) {
      case BOOL -> {
        if (!node.isBoolean()) {
          throw expected(path, p, node);
        }
        yield new Value.Bool(node.booleanValue());
      }
      case S8 -> new Value.S8((byte) integer(node, path, p, -128, 127));
      case U8 -> new Value.U8((int) integer(node, path, p, 0, 255));
      case S16 -> new Value.S16((short) integer(node, path, p, -32768, 32767));
      case U16 -> new Value.U16((int) integer(node, path, p, 0, 65535));
      case S32 -> new Value.S32((int) integer(node, path, p, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case U32 -> new Value.U32((int) integer(node, path, p, 0, 0xffff_ffffL));
      case S64 ->
          new Value.S64(
              big(node, path, p, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE))
                  .longValue());
      case U64 -> new Value.U64(big(node, path, p, BigInteger.ZERO, U64_MAX).longValue());
      case F32 -> new Value.F32((float) floating(node, path, p));
      case F64 -> new Value.F64(floating(node, path, p));
      case CHAR -> {
        if (!node.isTextual()
            || node.textValue().codePointCount(0, node.textValue().length()) != 1) {
          throw new JsonValueException(
              path, "expected char (a string of one code point), got " + describe(node));
        }
        int cp = node.textValue().codePointAt(0);
        if (cp >= 0xd800 && cp <= 0xdfff) {
          throw new JsonValueException(path, "expected char, got a lone surrogate");
        }
        yield new Value.Char(cp);
      }
      case STRING -> {
        if (!node.isTextual()) {
          throw expected(path, p, node);
        }
        yield new Value.Str(node.textValue());
      }
    };
  }

  private static long integer(JsonNode node, String path, PrimitiveType p, long min, long max) {
    return big(node, path, p, BigInteger.valueOf(min), BigInteger.valueOf(max)).longValue();
  }

  private static BigInteger big(
      JsonNode node, String path, PrimitiveType p, BigInteger min, BigInteger max) {
    BigInteger v;
    if (node.isIntegralNumber()) {
      v = node.bigIntegerValue();
    } else if (node.isNumber()
        && node.decimalValue().stripTrailingZeros().scale() <= 0
        && node.decimalValue().abs().compareTo(java.math.BigDecimal.valueOf(1e30)) < 0) {
      v = node.decimalValue().toBigIntegerExact(); // 1.0 or 1e3 written by some clients
    } else if (node.isTextual() && (p == PrimitiveType.U64 || p == PrimitiveType.S64)) {
      String s = node.textValue();
      if (s.length() > 21 || !s.matches("-?[0-9]+")) {
        throw expected(path, p, node);
      }
      v = new BigInteger(s);
    } else {
      throw expected(path, p, node);
    }
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw expected(path, p, node);
    }
    return v;
  }

  private static double floating(JsonNode node, String path, PrimitiveType p) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw expected(path, p, node);
  }

  private static JsonNode primitiveToJson(PrimitiveType p, Value value) {
    return switch (value) {
      case Value.Bool b -> NODES.booleanNode(b.value());
      case Value.S8 x -> NODES.numberNode(x.value());
      case Value.U8 x -> NODES.numberNode(x.value());
      case Value.S16 x -> NODES.numberNode(x.value());
      case Value.U16 x -> NODES.numberNode(x.value());
      case Value.S32 x -> NODES.numberNode(x.value());
      case Value.U32 x -> NODES.numberNode(x.asLong());
      case Value.S64 x ->
          Math.abs((double) x.value()) <= MAX_SAFE_INTEGER && x.value() != Long.MIN_VALUE
              ? NODES.numberNode(x.value())
              : NODES.textNode(Long.toString(x.value()));
      case Value.U64 x ->
          x.value() >= 0 && x.value() <= MAX_SAFE_INTEGER
              ? NODES.numberNode(x.value())
              : NODES.textNode(Long.toUnsignedString(x.value()));
      case Value.F32 x -> floatToJson(x.value(), true);
      case Value.F64 x -> floatToJson(x.value(), false);
      case Value.Char c -> NODES.textNode(Character.toString(c.codePoint()));
      case Value.Str s -> NODES.textNode(s.value());
      default -> throw new IllegalArgumentException("not a " + p.witName() + ": " + value);
    };
  }

  private static JsonNode floatToJson(double d, boolean single) {
    if (Double.isNaN(d)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(d)) {
      return NODES.textNode(d > 0 ? "Infinity" : "-Infinity");
    }
    return single ? NODES.numberNode((float) d) : NODES.numberNode(d);
  }

  private static Value list(ListType l, JsonNode node, String path) {
    if (l.element() == PrimitiveType.U8 && node.isTextual()) {
      try {
        return new Value.Bytes(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        throw new JsonValueException(path, "expected list<u8> as base64, " + e.getMessage());
      }
    }
    if (!node.isArray()) {
      throw new JsonValueException(
          path, "expected " + TypeNames.wit(l) + " (an array"
              + (l.element() == PrimitiveType.U8 ? " or a base64 string" : "")
              + "), got " + describe(node));
    }
    List<Value> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(fromJson(l.element(), node.get(i), path + "[" + i + "]"));
    }
    if (l.element() == PrimitiveType.U8) {
      byte[] bytes = new byte[out.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) ((Value.U8) out.get(i)).value();
      }
      return new Value.Bytes(bytes);
    }
    return new Value.ListValue(out);
  }

  private static Value record(RecordType r, JsonNode node, String path) {
    if (!node.isObject()) {
      throw new JsonValueException(path, "expected a record (an object), got " + describe(node));
    }
    List<Value> fields = new ArrayList<>(r.fields().size());
    for (Field f : r.fields()) {
      fields.add(fromJson(f.type(), node.get(f.name()), member(path, f.name())));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (r.fields().stream().noneMatch(f -> f.name().equals(n))) {
        throw new JsonValueException(member(path, n), "the record has no field '" + n + "'");
      }
    }
    return new Value.RecordValue(fields);
  }

  private static Value tuple(TupleType t, JsonNode node, String path) {
    if (!node.isArray() || node.size() != t.elements().size()) {
      throw new JsonValueException(
          path,
          "expected " + TypeNames.wit(t) + " (an array of " + t.elements().size() + "), got "
              + describe(node));
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(fromJson(t.elements().get(i), node.get(i), path + "[" + i + "]"));
    }
    return new Value.TupleValue(out);
  }

  private static Value variant(VariantType v, JsonNode node, String path) {
    List<String> names = v.cases().stream().map(Case::name).toList();
    if (node.isTextual()) {
      int index = label(names, node, path, "variant");
      if (v.cases().get(index).type().isPresent()) {
        throw new JsonValueException(
            path, "case '" + names.get(index) + "' needs a payload: {\"" + names.get(index)
                + "\": ...}");
      }
      return new Value.VariantValue(index, Optional.empty());
    }
    Map.Entry<String, JsonNode> entry = single(node, path, "a variant");
    int index = names.indexOf(entry.getKey());
    if (index < 0) {
      throw new JsonValueException(
          path, "unknown case '" + entry.getKey() + "', expected one of " + names);
    }
    return new Value.VariantValue(
        index, payload(v.cases().get(index).type(), entry.getValue(), member(path, entry.getKey())));
  }

  private static Value result(ResultType r, JsonNode node, String path) {
    Map.Entry<String, JsonNode> entry = single(node, path, "a result ({\"ok\": v} or {\"err\": e})");
    return switch (entry.getKey()) {
      case "ok" -> new Value.ResultValue(true, payload(r.ok(), entry.getValue(), member(path, "ok")));
      case "err" ->
          new Value.ResultValue(false, payload(r.error(), entry.getValue(), member(path, "err")));
      default ->
          throw new JsonValueException(
              path, "expected a result with key \"ok\" or \"err\", got \"" + entry.getKey() + "\"");
    };
  }

  private static Optional<Value> payload(Optional<ValType> type, JsonNode node, String path) {
    if (type.isEmpty()) {
      if (!node.isNull()) {
        throw new JsonValueException(path, "this case has no payload: expected null");
      }
      return Optional.empty();
    }
    return Optional.of(fromJson(type.get(), node, path));
  }

  private static Value flags(FlagsType f, JsonNode node, String path) {
    if (!node.isArray()) {
      throw new JsonValueException(
          path, "expected flags (an array of labels), got " + describe(node));
    }
    long bits = 0;
    for (int i = 0; i < node.size(); i++) {
      bits |= 1L << label(f.labels(), node.get(i), path + "[" + i + "]", "flag");
    }
    return new Value.FlagsValue(bits);
  }

  private static int label(List<String> labels, JsonNode node, String path, String what) {
    if (!node.isTextual()) {
      throw new JsonValueException(
          path, "expected " + what + " label (a string), got " + describe(node));
    }
    int index = labels.indexOf(node.textValue());
    if (index < 0) {
      throw new JsonValueException(
          path, "unknown " + what + " label '" + node.textValue() + "', expected one of " + labels);
    }
    return index;
  }

  private static Map.Entry<String, JsonNode> single(JsonNode node, String path, String what) {
    if (!node.isObject() || node.size() != 1) {
      throw new JsonValueException(
          path, "expected " + what + " as an object with exactly one key, got " + describe(node));
    }
    return node.fields().next();
  }

  private static JsonValueException expected(String path, PrimitiveType p, JsonNode node) {
    return new JsonValueException(path, "expected " + p.witName() + ", got " + describe(node));
  }

  private static String describe(JsonNode node) {
    String s = node.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  static String member(String path, String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_-]*")
        ? path + "." + name
        : path + "[" + NODES.textNode(name) + "]";
  }
}
