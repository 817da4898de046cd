package io.cloister.attestation.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Intel's QE identity, version 2 (the {@code enclaveIdentity} object of PCS's {@code /qe/identity}
 * answer): what a genuine quoting enclave's report must contain, and its TCB levels.
 *
 * @param id "QE" (SGX) or "TD_QE" (TDX)
 * @param version format version (2)
 * @param issueDate when Intel issued it
 * @param nextUpdate after this instant it must not be used
 * @param tcbEvaluationDataNumber Intel's TCB recovery counter
 * @param miscselect expected MISCSELECT (after masking)
 * @param miscselectMask mask applied to the QE's MISCSELECT
 * @param attributes expected attributes (after masking), 16 bytes
 * @param attributesMask mask applied to the QE's attributes, 16 bytes
 * @param mrSigner the QE's expected MRSIGNER, 32 bytes
 * @param isvProdId the QE's expected ISV product ID
 * @param levels TCB levels by ISV SVN, newest first
 */
public record QeIdentity(
    String id,
    int version,
    Instant issueDate,
    Instant nextUpdate,
    int tcbEvaluationDataNumber,
    long miscselect,
    long miscselectMask,
    byte[] attributes,
    byte[] attributesMask,
    byte[] mrSigner,
    int isvProdId,
    List<QeTcbLevel> levels) {

  /** Copies arrays and the list. */
  public QeIdentity {
    attributes = attributes.clone();
    attributesMask = attributesMask.clone();
    mrSigner = mrSigner.clone();
    levels = List.copyOf(levels);
  }

  @Override
  public byte[] attributes() {
    return attributes.clone();
  }

  @Override
  public byte[] attributesMask() {
    return attributesMask.clone();
  }

  @Override
  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  /** The first level whose ISV SVN the QE meets. */
  public Optional<QeTcbLevel> levelFor(int qeIsvSvn) {
    return levels.stream().filter(l -> qeIsvSvn >= l.isvSvn()).findFirst();
  }

  /** Parses the JSON text of an {@code enclaveIdentity} object. */
  public static QeIdentity parse(byte[] json) throws CollateralFormatException {
    JsonNode root;
    try {
      root = TcbInfo.JSON.readTree(json);
    } catch (IOException e) {
      throw new CollateralFormatException("enclaveIdentity", "not JSON: " + e.getMessage(), e);
    }
    JsonFields f = new JsonFields(root, "enclaveIdentity");
    int version = f.integer("version", 1000);
    if (version != 2) {
      throw new CollateralFormatException(
          "enclaveIdentity.version", "only version 2 is supported, found " + version);
    }
    List<QeTcbLevel> levels = QeTcbLevel.parseLevels(f);
    return new QeIdentity(
        f.text("id"),
        version,
        f.instant("issueDate"),
        f.instant("nextUpdate"),
        f.integer("tcbEvaluationDataNumber", Integer.MAX_VALUE),
        u32(f.hex("miscselect", 4)),
        u32(f.hex("miscselectMask", 4)),
        f.hex("attributes", 16),
        f.hex("attributesMask", 16),
        f.hex("mrsigner", 32),
        f.integer("isvprodid", 0xffff),
        levels);
  }

  // Intel writes MISCSELECT in the byte order of the report (little-endian).
  private static long u32(byte[] b) {
    return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
  }

  private static String hex32(long v) {
    byte[] b = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    return HexFormat.of().withUpperCase().formatHex(b);
  }

  /** Serializes as compact JSON in Intel's field order (for simulated collateral). */
  public byte[] toJson() {
    HexFormat hex = HexFormat.of().withUpperCase();
    ObjectNode o = TcbInfo.JSON.createObjectNode();
    o.put("id", id)
        .put("version", version)
        .put("issueDate", issueDate.toString())
        .put("nextUpdate", nextUpdate.toString())
        .put("tcbEvaluationDataNumber", tcbEvaluationDataNumber)
        .put("miscselect", hex32(miscselect))
        .put("miscselectMask", hex32(miscselectMask))
        .put("attributes", hex.formatHex(attributes))
        .put("attributesMask", hex.formatHex(attributesMask))
        .put("mrsigner", hex.formatHex(mrSigner))
        .put("isvprodid", isvProdId);
    ArrayNode arr = o.putArray("tcbLevels");
    for (QeTcbLevel l : levels) {
      ObjectNode level = arr.addObject();
      level.putObject("tcb").put("isvsvn", l.isvSvn());
      level.put("tcbDate", l.tcbDate().toString()).put("tcbStatus", l.status().intelName());
      if (!l.advisoryIds().isEmpty()) {
        ArrayNode adv = level.putArray("advisoryIDs");
        l.advisoryIds().forEach(adv::add);
      }
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
