package io.cloister.attestation.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Intel TCB info, version 3 (the {@code tcbInfo} object of PCS's {@code /tcb} answer): the TCB
 * levels of one FMSPC, ordered from newest to oldest.
 *
 * @param id "SGX" or "TDX"
 * @param version format version (3)
 * @param issueDate when Intel issued it
 * @param nextUpdate after this instant it must not be used
 * @param fmspc the platform family it covers, upper-case hex
 * @param pceId the PCE it covers, upper-case hex
 * @param tcbEvaluationDataNumber Intel's TCB recovery counter
 * @param levels TCB levels, newest first
 * @param tdxModuleIdentities TDX module identities (TDX TCB info only)
 */
public record TcbInfo(
    String id,
    int version,
    Instant issueDate,
    Instant nextUpdate,
    String fmspc,
    String pceId,
    int tcbEvaluationDataNumber,
    List<TcbLevel> levels,
    List<TdxModuleIdentity> tdxModuleIdentities) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the lists. */
  public TcbInfo {
    levels = List.copyOf(levels);
    tdxModuleIdentities = List.copyOf(tdxModuleIdentities);
  }

  /** The TDX module identity with this id, e.g. {@code TDX_01}. */
  public Optional<TdxModuleIdentity> tdxModuleIdentity(String moduleId) {
    return tdxModuleIdentities.stream().filter(m -> m.id().equals(moduleId)).findFirst();
  }

  /** The first level (newest first) whose components the platform meets, as Intel specifies. */
  public Optional<TcbLevel> levelFor(int[] platformComponents, int platformPceSvn) {
    return levels.stream().filter(l -> l.matches(platformComponents, platformPceSvn)).findFirst();
  }

  /** Parses the JSON text of a {@code tcbInfo} object. */
  public static TcbInfo parse(byte[] json) throws CollateralFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new CollateralFormatException("tcbInfo", "not JSON: " + e.getMessage(), e);
    }
    JsonFields f = new JsonFields(root, "tcbInfo");
    int version = f.integer("version", 1000);
    if (version != 3) {
      throw new CollateralFormatException(
          "tcbInfo.version", "only version 3 is supported, found " + version);
    }
    List<TcbLevel> levels = new ArrayList<>();
    for (JsonFields level : f.objects("tcbLevels")) {
      JsonFields tcb = level.object("tcb");
      levels.add(
          new TcbLevel(
              svns(tcb, "sgxtcbcomponents"),
              tcb.integer("pcesvn", 0xffff),
              tcb.has("tdxtcbcomponents") ? svns(tcb, "tdxtcbcomponents") : new int[0],
              level.instant("tcbDate"),
              level.status("tcbStatus"),
              level.optionalStrings("advisoryIDs")));
    }
    List<TdxModuleIdentity> modules = new ArrayList<>();
    if (f.has("tdxModuleIdentities")) {
      for (JsonFields m : f.objects("tdxModuleIdentities")) {
        modules.add(
            new TdxModuleIdentity(
                m.text("id"),
                m.hex("mrsigner", 48),
                m.hex("attributes", 8),
                m.hex("attributesMask", 8),
                QeTcbLevel.parseLevels(m)));
      }
    }
    return new TcbInfo(
        f.text("id"),
        version,
        f.instant("issueDate"),
        f.instant("nextUpdate"),
        f.text("fmspc").toUpperCase(Locale.ROOT),
        f.text("pceId").toUpperCase(Locale.ROOT),
        f.integer("tcbEvaluationDataNumber", Integer.MAX_VALUE),
        levels,
        modules);
  }

  private static int[] svns(JsonFields tcb, String name) throws CollateralFormatException {
    List<JsonFields> comps = tcb.objects(name);
    if (comps.size() != 16) {
      throw new CollateralFormatException(
          "tcbInfo.tcbLevels.tcb." + name, "expected 16 components");
    }
    int[] svns = new int[16];
    for (int i = 0; i < 16; i++) {
      svns[i] = comps.get(i).integer("svn", 255);
    }
    return svns;
  }

  /** Serializes as compact JSON in Intel's field order (for simulated collateral). */
  public byte[] toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id)
        .put("version", version)
        .put("issueDate", issueDate.toString())
        .put("nextUpdate", nextUpdate.toString())
        .put("fmspc", fmspc)
        .put("pceId", pceId)
        .put("tcbType", 0)
        .put("tcbEvaluationDataNumber", tcbEvaluationDataNumber);
    ArrayNode arr = o.putArray("tcbLevels");
    for (TcbLevel l : levels) {
      ObjectNode level = arr.addObject();
      ObjectNode tcb = level.putObject("tcb");
      ArrayNode comps = tcb.putArray("sgxtcbcomponents");
      for (int svn : l.sgxComponents()) {
        comps.addObject().put("svn", svn);
      }
      tcb.put("pcesvn", l.pceSvn());
      level.put("tcbDate", l.tcbDate().toString()).put("tcbStatus", l.status().intelName());
      ArrayNode adv = level.putArray("advisoryIDs");
      l.advisoryIds().forEach(adv::add);
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
