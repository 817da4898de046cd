package io.cloister.attestation.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Required-field access to Intel's collateral JSON, naming the path of whatever is missing. */
final class JsonFields {
  private final JsonNode node;
  private final String path;

  JsonFields(JsonNode node, String path) throws CollateralFormatException {
    if (node == null || !node.isObject()) {
      throw new CollateralFormatException(path, "expected a JSON object");
    }
    this.node = node;
    this.path = path;
  }

  private JsonNode get(String name) throws CollateralFormatException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new CollateralFormatException(path + "." + name, "missing");
    }
    return v;
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  String text(String name) throws CollateralFormatException {
    JsonNode v = get(name);
    if (!v.isTextual()) {
      throw new CollateralFormatException(path + "." + name, "expected a string");
    }
    return v.asText();
  }

  int integer(String name, int max) throws CollateralFormatException {
    JsonNode v = get(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > max) {
      throw new CollateralFormatException(path + "." + name, "expected an integer in 0.." + max);
    }
    return v.intValue();
  }

  Instant instant(String name) throws CollateralFormatException {
    try {
      return Instant.parse(text(name));
    } catch (DateTimeParseException e) {
      throw new CollateralFormatException(path + "." + name, "not an ISO-8601 instant", e);
    }
  }

  byte[] hex(String name, int length) throws CollateralFormatException {
    String s = text(name);
    try {
      byte[] b = HexFormat.of().parseHex(s);
      if (b.length != length) {
        throw new CollateralFormatException(path + "." + name, "expected " + length + " bytes");
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw new CollateralFormatException(path + "." + name, "not hex", e);
    }
  }

  TcbStatus status(String name) throws CollateralFormatException {
    try {
      return TcbStatus.fromIntelName(text(name));
    } catch (IllegalArgumentException e) {
      throw new CollateralFormatException(path + "." + name, e.getMessage(), e);
    }
  }

  List<String> optionalStrings(String name) throws CollateralFormatException {
    JsonNode v = node.get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new CollateralFormatException(path + "." + name, "expected an array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new CollateralFormatException(path + "." + name, "expected strings");
      }
      out.add(e.asText());
    }
    return List.copyOf(out);
  }

  List<JsonFields> objects(String name) throws CollateralFormatException {
    JsonNode v = get(name);
    if (!v.isArray() || v.isEmpty()) {
      throw new CollateralFormatException(path + "." + name, "expected a non-empty array");
    }
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new JsonFields(v.get(i), path + "." + name + "[" + i + "]"));
    }
    return out;
  }

  JsonFields object(String name) throws CollateralFormatException {
    return new JsonFields(get(name), path + "." + name);
  }
}
