package io.cloister.enclave.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protocol's messages to and from JSON, member by member: what each message holds is written
 * here once, for both sides, and a message missing a member or holding the wrong type is refused
 * naming its path.
 */
public final class ProtocolJson {
  /** Bytes of one JSON message at most (a log line's JSON included). */
  public static final int MAX_MESSAGE_BYTES = 1 << 20;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(MAX_MESSAGE_BYTES)
                .maxDocumentLength(MAX_MESSAGE_BYTES)
                .build());
  }

  private ProtocolJson() {}

  /** Compact, ASCII-only JSON text of {@code node} (fit for an HTTP header). */
  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Parses one message. */
  public static JsonNode parse(byte[] json) throws ProtocolFormatException {
    if (json.length > MAX_MESSAGE_BYTES) {
      throw new ProtocolFormatException(
          "$", "message of " + json.length + " bytes, at most " + MAX_MESSAGE_BYTES);
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ProtocolFormatException("$", "empty message, expected JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ProtocolFormatException(
          "$", "not JSON: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    } catch (IOException e) {
      throw new ProtocolFormatException("$", "unreadable: " + e.getMessage(), e);
    }
  }

  /** Parses one message from text. */
  public static JsonNode parse(String json) throws ProtocolFormatException {
    return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  // --- DeploymentSpec

  /** {@code {"name", "routePrefix", "hostName"?, "env": {}, "capabilities": []}}. */
  public static ObjectNode toJson(DeploymentSpec s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.put("routePrefix", s.routePrefix());
    s.hostName().ifPresent(h -> o.put("hostName", h));
    ObjectNode env = o.putObject("env");
    s.env().forEach(env::put);
    ArrayNode caps = o.putArray("capabilities");
    s.capabilities().forEach(caps::add);
    s.engine().ifPresent(e -> o.put("engine", e));
    if (!s.limits().isDefault()) {
      ObjectNode l = o.putObject("limits");
      s.limits().deadlineMillis().ifPresent(v -> l.put("deadlineMs", v));
      s.limits().maxMemoryBytes().ifPresent(v -> l.put("maxMemoryBytes", v));
      s.limits().maxBodyBytes().ifPresent(v -> l.put("maxBodyBytes", v));
      s.limits().maxConcurrentRequests().ifPresent(v -> l.put("maxConcurrentRequests", v));
    }
    return o;
  }

  /** A deployment spec; {@code env} and {@code capabilities} may be absent. */
  public static DeploymentSpec deploymentSpec(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    r.onlyMembers("name", "routePrefix", "hostName", "env", "capabilities", "engine", "limits");
    Map<String, String> env = new TreeMap<>();
    Reader e = r.optionalObject("env");
    if (e != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = e.node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual()) {
          throw new ProtocolFormatException(e.path + "." + f.getKey(), "expected a string");
        }
        env.put(f.getKey(), f.getValue().textValue());
      }
    }
    return new DeploymentSpec(
        r.string("name"),
        r.string("routePrefix"),
        r.optionalString("hostName"),
        env,
        r.optionalStrings("capabilities"),
        r.optionalString("engine"),
        limits(r.optionalObject("limits")));
  }

  /** {@code {"deadlineMs"?, "maxMemoryBytes"?, "maxBodyBytes"?, "maxConcurrentRequests"?}}. */
  private static AppLimitsSpec limits(Reader l) throws ProtocolFormatException {
    if (l == null) {
      return AppLimitsSpec.defaults();
    }
    l.onlyMembers("deadlineMs", "maxMemoryBytes", "maxBodyBytes", "maxConcurrentRequests");
    Optional<Long> concurrent = l.optionalNumber("maxConcurrentRequests");
    if (concurrent.isPresent() && (concurrent.get() > Integer.MAX_VALUE || concurrent.get() < 0)) {
      throw new ProtocolFormatException(l.path + ".maxConcurrentRequests", "out of range");
    }
    return new AppLimitsSpec(
        l.optionalNumber("deadlineMs"),
        l.optionalNumber("maxMemoryBytes"),
        l.optionalNumber("maxBodyBytes"),
        concurrent.map(Long::intValue));
  }

  // --- AppStatus

  /** An app's status. */
  public static ObjectNode toJson(AppStatus a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", a.name());
    o.put("routePrefix", a.routePrefix());
    a.hostName().ifPresent(h -> o.put("hostName", h));
    o.put("codeHash", a.codeHash());
    ArrayNode caps = o.putArray("capabilities");
    a.capabilities().forEach(caps::add);
    o.put("artifactKind", a.artifactKind());
    o.put("artifactSize", a.artifactSize());
    o.put("deployedAt", a.deployedAt().toString());
    o.put("serving", a.serving());
    o.put("certificateFingerprint", a.certificateFingerprint());
    return o;
  }

  /** An app's status. */
  public static AppStatus appStatus(JsonNode n) throws ProtocolFormatException {
    return appStatus(new Reader(n, "$"));
  }

  private static AppStatus appStatus(Reader r) throws ProtocolFormatException {
    return new AppStatus(
        r.string("name"),
        r.string("routePrefix"),
        r.optionalString("hostName"),
        r.string("codeHash"),
        r.optionalStrings("capabilities"),
        r.string("artifactKind"),
        r.number("artifactSize"),
        r.instant("deployedAt"),
        r.string("serving"),
        r.string("certificateFingerprint"));
  }

  /** {@code {"apps": [...]}}. */
  public static ObjectNode appsToJson(List<AppStatus> apps) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray("apps");
    apps.forEach(s -> a.add(toJson(s)));
    return o;
  }

  /** The list of apps. */
  public static List<AppStatus> apps(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    List<AppStatus> apps = new ArrayList<>();
    for (Reader item : r.array("apps")) {
      apps.add(appStatus(item));
    }
    return apps;
  }

  // --- DeployResult

  /** A deploy's or undeploy's answer. */
  public static ObjectNode toJson(DeployResult d) {
    ObjectNode o = JSON.createObjectNode();
    if (d.app() != null) {
      o.set("app", toJson(d.app()));
    }
    o.put("redeploy", d.redeploy());
    o.put("merkleRoot", d.merkleRoot());
    o.put("enclaveCertificateFingerprint", d.enclaveCertificateFingerprint());
    ObjectNode fp = o.putObject("appCertificateFingerprints");
    new TreeMap<>(d.appCertificateFingerprints()).forEach(fp::put);
    o.set("logHead", toJson(d.logHead()));
    return o;
  }

  /** A deploy's or undeploy's answer. */
  public static DeployResult deployResult(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    Reader app = r.optionalObject("app");
    return new DeployResult(
        app == null ? null : appStatus(app),
        r.bool("redeploy"),
        r.string("merkleRoot"),
        r.string("enclaveCertificateFingerprint"),
        r.stringMap("appCertificateFingerprints"),
        logTreeHead(r.required("logHead"), "$.logHead"));
  }

  // --- The deployment log

  /**
   * {@code {"index", "time", "action", "app", "codeHash"?, "routePrefix"?, "hostName"?,
   * "capabilities", "caller"}}, members in this order (the entry's leaf is this text).
   */
  public static ObjectNode toJson(DeploymentLogEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("index", e.index());
    o.put("time", e.time().toString());
    o.put("action", e.action());
    o.put("app", e.app());
    e.codeHash().ifPresent(v -> o.put("codeHash", v));
    e.routePrefix().ifPresent(v -> o.put("routePrefix", v));
    e.hostName().ifPresent(v -> o.put("hostName", v));
    ArrayNode caps = o.putArray("capabilities");
    e.capabilities().forEach(caps::add);
    o.put("caller", e.caller());
    return o;
  }

  /** A deployment-log entry. */
  public static DeploymentLogEntry deploymentLogEntry(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    r.onlyMembers(
        "index", "time", "action", "app", "codeHash", "routePrefix", "hostName", "capabilities",
        "caller");
    String action = r.string("action");
    if (!DeploymentLogEntry.ACTIONS.contains(action)) {
      throw new ProtocolFormatException("$.action", "expected one of " + DeploymentLogEntry.ACTIONS);
    }
    return new DeploymentLogEntry(
        r.number("index"),
        r.instant("time"),
        action,
        r.string("app"),
        r.optionalString("codeHash"),
        r.optionalString("routePrefix"),
        r.optionalString("hostName"),
        r.optionalStrings("capabilities"),
        r.string("caller"));
  }

  /** {@code {"size", "root"}}. */
  public static ObjectNode toJson(LogTreeHead h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("size", h.size());
    o.put("root", h.root());
    return o;
  }

  /** A log tree head. */
  public static LogTreeHead logTreeHead(JsonNode n, String path) throws ProtocolFormatException {
    Reader r = new Reader(n, path);
    r.onlyMembers("size", "root");
    try {
      return new LogTreeHead(r.number("size"), r.string("root"));
    } catch (IllegalArgumentException e) {
      throw new ProtocolFormatException(path, e.getMessage());
    }
  }

  // --- EnclaveInfo

  /** Enclave info. */
  public static ObjectNode toJson(EnclaveInfo i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("hostName", i.hostName());
    o.put("attester", i.attester());
    o.put("simulated", i.simulated());
    o.put("mrEnclave", i.mrEnclave());
    o.put("mrSigner", i.mrSigner());
    o.put("merkleRoot", i.merkleRoot());
    o.put("enclaveCertificateFingerprint", i.enclaveCertificateFingerprint());
    ObjectNode fp = o.putObject("appCertificateFingerprints");
    new TreeMap<>(i.appCertificateFingerprints()).forEach(fp::put);
    o.put("certificatesNotAfter", i.certificatesNotAfter().toString());
    o.put("apps", i.apps());
    o.put("version", i.version());
    return o;
  }

  /** Enclave info. */
  public static EnclaveInfo enclaveInfo(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    return new EnclaveInfo(
        r.string("hostName"),
        r.string("attester"),
        r.bool("simulated"),
        r.string("mrEnclave"),
        r.string("mrSigner"),
        r.string("merkleRoot"),
        r.string("enclaveCertificateFingerprint"),
        r.stringMap("appCertificateFingerprints"),
        r.instant("certificatesNotAfter"),
        (int) r.number("apps"),
        r.string("version"));
  }

  // --- LogEntry

  /** A log line. */
  public static ObjectNode toJson(LogEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("sequence", e.sequence());
    o.put("time", e.time().toString());
    o.put("app", e.app());
    o.put("level", e.level());
    o.put("context", e.context());
    o.put("message", e.message());
    return o;
  }

  /** A log line. */
  public static LogEntry logEntry(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    return new LogEntry(
        r.number("sequence"),
        r.instant("time"),
        r.string("app"),
        r.string("level"),
        r.string("context"),
        r.string("message"));
  }

  // --- Problem

  /** Problem details. */
  public static ObjectNode toJson(Problem p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", p.type());
    o.put("title", p.title());
    o.put("status", p.status());
    o.put("detail", p.detail());
    if (p.field() != null) {
      o.put("field", p.field());
    }
    return o;
  }

  /** Problem details. */
  public static Problem problem(JsonNode n) throws ProtocolFormatException {
    Reader r = new Reader(n, "$");
    return new Problem(
        r.string("type"),
        r.string("title"),
        (int) r.number("status"),
        r.string("detail"),
        r.optionalString("field").orElse(null));
  }

  /** Reads the members of one JSON object, naming the path of what is missing or mistyped. */
  private static final class Reader {
    final JsonNode node;
    final String path;

    Reader(JsonNode node, String path) throws ProtocolFormatException {
      if (node == null || !node.isObject()) {
        throw new ProtocolFormatException(path, "expected an object");
      }
      this.node = node;
      this.path = path;
    }

    void onlyMembers(String... names) throws ProtocolFormatException {
      List<String> allowed = List.of(names);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String n = it.next();
        if (!allowed.contains(n)) {
          throw new ProtocolFormatException(path + "." + n, "unknown member; expected " + allowed);
        }
      }
    }

    JsonNode required(String name) throws ProtocolFormatException {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        throw new ProtocolFormatException(path + "." + name, "missing");
      }
      return v;
    }

    String string(String name) throws ProtocolFormatException {
      JsonNode v = required(name);
      if (!v.isTextual()) {
        throw new ProtocolFormatException(path + "." + name, "expected a string, got " + v.getNodeType());
      }
      return v.textValue();
    }

    Optional<String> optionalString(String name) throws ProtocolFormatException {
      JsonNode v = node.get(name);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(string(name));
    }

    long number(String name) throws ProtocolFormatException {
      JsonNode v = required(name);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw new ProtocolFormatException(path + "." + name, "expected an integer, got " + v);
      }
      return v.longValue();
    }

    Optional<Long> optionalNumber(String name) throws ProtocolFormatException {
      JsonNode v = node.get(name);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(number(name));
    }

    boolean bool(String name) throws ProtocolFormatException {
      JsonNode v = required(name);
      if (!v.isBoolean()) {
        throw new ProtocolFormatException(path + "." + name, "expected true or false, got " + v);
      }
      return v.booleanValue();
    }

    Instant instant(String name) throws ProtocolFormatException {
      String s = string(name);
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new ProtocolFormatException(path + "." + name, "not an ISO-8601 instant: " + s);
      }
    }

    Reader optionalObject(String name) throws ProtocolFormatException {
      JsonNode v = node.get(name);
      return v == null || v.isNull() ? null : new Reader(v, path + "." + name);
    }

    List<Reader> array(String name) throws ProtocolFormatException {
      JsonNode v = required(name);
      if (!v.isArray()) {
        throw new ProtocolFormatException(path + "." + name, "expected an array");
      }
      List<Reader> items = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        items.add(new Reader(v.get(i), path + "." + name + "[" + i + "]"));
      }
      return items;
    }

    List<String> optionalStrings(String name) throws ProtocolFormatException {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw new ProtocolFormatException(path + "." + name, "expected an array of strings");
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          throw new ProtocolFormatException(path + "." + name + "[" + i + "]", "expected a string");
        }
        out.add(v.get(i).textValue());
      }
      return out;
    }

    Map<String, String> stringMap(String name) throws ProtocolFormatException {
      JsonNode v = required(name);
      if (!v.isObject()) {
        throw new ProtocolFormatException(path + "." + name, "expected an object");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual()) {
          throw new ProtocolFormatException(path + "." + name + "." + f.getKey(), "expected a string");
        }
        out.put(f.getKey(), f.getValue().textValue());
      }
      return out;
    }
  }
}
