package io.cloister.attestation.freshness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer to a freshness challenge, served as JSON:
 *
 * <pre>
 * {"version": 1, "nonce": "&lt;hex&gt;", "merkleRoot": "&lt;64 hex digits&gt;", "quote": "&lt;base64&gt;"}
 * </pre>
 *
 * where the quote's report data is SHA-256(SPKI DER of the connection's certificate key ‖ nonce) ‖
 * merkleRoot.
 */
public record FreshnessEvidence(byte[] nonce, byte[] merkleRoot, byte[] quote) {

  /** The only version written and read. */
  public static final int VERSION = 1;

  /** Largest JSON document accepted. */
  public static final int MAX_JSON_SIZE = 128 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("version", "nonce", "merkleRoot", "quote");

  /** Copies and checks the sizes. */
  public FreshnessEvidence {
    Nonces.check(nonce);
    if (merkleRoot.length != 32) {
      throw new IllegalArgumentException(
          "Merkle root is " + merkleRoot.length + " bytes, expected 32");
    }
    if (quote.length == 0 || quote.length > 64 * 1024) {
      throw new IllegalArgumentException("quote is " + quote.length + " bytes, expected 1..65536");
    }
    nonce = nonce.clone();
    merkleRoot = merkleRoot.clone();
    quote = quote.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  @Override
  public byte[] quote() {
    return quote.clone();
  }

  /** The JSON document. */
  public byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", VERSION);
    node.put("nonce", HexFormat.of().formatHex(nonce));
    node.put("merkleRoot", HexFormat.of().formatHex(merkleRoot));
    node.put("quote", Base64.getEncoder().encodeToString(quote));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings cannot fail to serialize", e);
    }
  }

  /** Parses the JSON document, refusing unknown or missing fields and bad encodings. */
  public static FreshnessEvidence fromJson(byte[] json) throws FreshnessException {
    if (json.length > MAX_JSON_SIZE) {
      throw new FreshnessException(
          "evidence is " + json.length + " bytes, more than " + MAX_JSON_SIZE);
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new FreshnessException(
          "evidence is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw new FreshnessException("evidence is not a JSON object");
    }
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    if (!names.equals(FIELDS)) {
      throw new FreshnessException(
          "evidence has fields " + names + ", expected " + new TreeSet<>(FIELDS));
    }
    JsonNode version = node.get("version");
    if (!version.isInt() || version.intValue() != VERSION) {
      throw new FreshnessException("evidence field 'version' is " + version + ", expected 1");
    }
    byte[] nonce = hex(node, "nonce");
    byte[] root = hex(node, "merkleRoot");
    byte[] quote;
    try {
      quote = Base64.getDecoder().decode(text(node, "quote"));
    } catch (IllegalArgumentException e) {
      throw new FreshnessException("evidence field 'quote' is not base64: " + e.getMessage());
    }
    try {
      return new FreshnessEvidence(nonce, root, quote);
    } catch (IllegalArgumentException e) {
      throw new FreshnessException("evidence: " + e.getMessage());
    }
  }

  private static byte[] hex(JsonNode node, String field) throws FreshnessException {
    try {
      return HexFormat.of().parseHex(text(node, field));
    } catch (IllegalArgumentException e) {
      throw new FreshnessException("evidence field '" + field + "' is not hex: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) throws FreshnessException {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new FreshnessException("evidence field '" + field + "' is not a string");
    }
    return value.textValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FreshnessEvidence e
        && Arrays.equals(nonce, e.nonce)
        && Arrays.equals(merkleRoot, e.merkleRoot)
        && Arrays.equals(quote, e.quote);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(nonce) + Arrays.hashCode(merkleRoot))
        + Arrays.hashCode(quote);
  }

  @Override
  public String toString() {
    return "FreshnessEvidence[nonce="
        + HexFormat.of().formatHex(nonce)
        + ", quote "
        + quote.length
        + " bytes]";
  }
}
