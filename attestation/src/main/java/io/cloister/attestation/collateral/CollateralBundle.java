package io.cloister.attestation.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.pck.PemCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.util.HexFormat;

/**
 * The offline collateral bundle: one JSON object with {@code pck_crl_issuer_chain}, {@code
 * root_ca_crl} and {@code pck_crl} (hex DER), {@code tcb_info} and {@code qe_identity} (the signed
 * JSON text as strings), their hex signatures and PEM issuer chains.
 */
public final class CollateralBundle {
  /** Bundles larger than this are refused (real ones are around 15 KiB). */
  public static final long MAX_SIZE = 1024 * 1024;

  private CollateralBundle() {}

  /** Reads a bundle file. */
  public static Collateral read(Path file) throws IOException, CollateralFormatException {
    if (Files.size(file) > MAX_SIZE) {
      throw new CollateralFormatException(file.toString(), "larger than " + MAX_SIZE + " bytes");
    }
    return parse(Files.readAllBytes(file));
  }

  /** Parses a bundle. */
  public static Collateral parse(byte[] json) throws CollateralFormatException {
    JsonNode root;
    try {
      root = TcbInfo.JSON.readTree(json);
    } catch (IOException e) {
      throw new CollateralFormatException("bundle", "not JSON: " + e.getMessage(), e);
    }
    return fromJson(root);
  }

  /** A bundle already parsed as JSON. */
  public static Collateral fromJson(JsonNode root) throws CollateralFormatException {
    JsonFields f = new JsonFields(root, "bundle");
    byte[] tcbBody = f.text("tcb_info").getBytes(StandardCharsets.UTF_8);
    byte[] qeBody = f.text("qe_identity").getBytes(StandardCharsets.UTF_8);
    return new Collateral(
        CollateralParts.chain(f.text("pck_crl_issuer_chain"), "pck_crl_issuer_chain"),
        CollateralParts.crl(CollateralParts.hex(f.text("pck_crl"), "pck_crl"), "pck_crl"),
        CollateralParts.crl(
            CollateralParts.hex(f.text("root_ca_crl"), "root_ca_crl"), "root_ca_crl"),
        new SignedDocument<>(
            tcbBody,
            CollateralParts.signature(f.text("tcb_info_signature"), "tcb_info_signature"),
            CollateralParts.chain(f.text("tcb_info_issuer_chain"), "tcb_info_issuer_chain"),
            TcbInfo.parse(tcbBody)),
        new SignedDocument<>(
            qeBody,
            CollateralParts.signature(f.text("qe_identity_signature"), "qe_identity_signature"),
            CollateralParts.chain(f.text("qe_identity_issuer_chain"), "qe_identity_issuer_chain"),
            QeIdentity.parse(qeBody)));
  }

  /** Serializes collateral in the bundle format. */
  public static byte[] encode(Collateral c) {
    return toJson(c).toPrettyString().getBytes(StandardCharsets.UTF_8);
  }

  /** Collateral as the bundle's JSON object, for formats that carry more beside it. */
  public static ObjectNode toJson(Collateral c) {
    HexFormat hex = HexFormat.of();
    ObjectNode o = TcbInfo.JSON.createObjectNode();
    try {
      o.put("pck_crl_issuer_chain", PemCertificates.encode(c.pckCrlIssuerChain()))
          .put("root_ca_crl", hex.formatHex(c.rootCaCrl().getEncoded()))
          .put("pck_crl", hex.formatHex(c.pckCrl().getEncoded()));
    } catch (CRLException e) {
      throw new IllegalStateException("a parsed CRL cannot be re-encoded", e);
    }
    o.put("tcb_info_issuer_chain", PemCertificates.encode(c.tcbInfo().issuerChain()))
        .put("tcb_info", new String(c.tcbInfo().body(), StandardCharsets.UTF_8))
        .put("tcb_info_signature", hex.formatHex(c.tcbInfo().signature()))
        .put("qe_identity_issuer_chain", PemCertificates.encode(c.qeIdentity().issuerChain()))
        .put("qe_identity", new String(c.qeIdentity().body(), StandardCharsets.UTF_8))
        .put("qe_identity_signature", hex.formatHex(c.qeIdentity().signature()));
    return o;
  }
}
