package io.cloister.enclave.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.ConfigTree;
import io.cloister.attestation.merkle.InclusionProof;
import io.cloister.enclave.certs.EnclaveCertificates;
import java.nio.ByteBuffer;
import io.cloister.enclave.history.DeploymentLog;
import io.cloister.enclave.protocol.LogTreeHead;
import io.cloister.enclave.protocol.ProtocolJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /.well-known/cloister/log[?start=S][&limit=N][&from=M]}: the deployment log's tree
 * head as the current certificates attest it (a leaf of their Config Merkle tree, with its
 * inclusion proof there), its entries from {@code S} (at most {@code N}, default and most {@value
 * #MAX_LIMIT}), each as its exact leaf text with its inclusion proof in that head, and with
 * {@code from} the consistency proof from {@code M} entries to that head.
 */
public final class LogRoutes {
  /** The path. */
  public static final String PATH = "/.well-known/cloister/log";

  /** The most entries one answer carries. */
  public static final int MAX_LIMIT = 1000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final DeploymentLog log;
  private final EnclaveCertificates certificates;

  /** Routes over {@code log}, whose head {@code certificates} attest. */
  public LogRoutes(DeploymentLog log, EnclaveCertificates certificates) {
    this.log = log;
    this.certificates = certificates;
  }

  /** Adds the route to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing.get(PATH, this::answer);
  }

  private void answer(ServerRequest req, ServerResponse res) {
    long start;
    long limit;
    Optional<Long> from;
    try {
      start = number(req, "start").orElse(0L);
      limit = number(req, "limit").orElse((long) MAX_LIMIT);
      from = number(req, "from");
    } catch (IllegalArgumentException e) {
      WellKnownRoutes.text(res, Status.BAD_REQUEST_400, e.getMessage());
      return;
    }
    // The head the certificates carry, not the log's newest: a deploy appends before it installs
    // its certificates, and a client checks this head against the certificate it was served.
    ConfigTree config = certificates.config().tree();
    ByteBuffer attested = ByteBuffer.wrap(config.value(ConfigKeys.DEPLOYMENT_LOG).orElseThrow());
    long size = attested.getLong();
    byte[] root = new byte[32];
    attested.get(root);
    LogTreeHead head = LogTreeHead.of(size, root);
    if (from.isPresent() && from.get() > head.size()) {
      WellKnownRoutes.text(
          res,
          Status.BAD_REQUEST_400,
          "from=" + from.get() + " is past the log's size " + head.size()
              + ": a head from the future means the log went back");
      return;
    }
    HexFormat hex = HexFormat.of();
    ObjectNode out = NODES.objectNode();
    InclusionProof configProof = config.proof(ConfigKeys.DEPLOYMENT_LOG);
    ObjectNode cp = out.putObject("configProof");
    cp.put("root", hex.formatHex(config.root()));
    cp.put("leafIndex", configProof.leafIndex());
    cp.put("treeSize", configProof.treeSize());
    ArrayNode audit = cp.putArray("auditPath");
    configProof.auditPath().forEach(h -> audit.add(hex.formatHex(h)));
    long end = Math.min(start + Math.min(limit, MAX_LIMIT), head.size());
    List<byte[]> leaves = log.leaves(start, (int) Math.max(0, end - start));
    ArrayNode entries = out.putArray("entries");
    for (int i = 0; i < leaves.size(); i++) {
      long index = start + i;
      ObjectNode e = entries.addObject();
      e.put("index", index);
      e.put("leaf", new String(leaves.get(i), StandardCharsets.UTF_8));
      ArrayNode path = e.putArray("inclusionProof");
      log.inclusionProof(index, head.size()).auditPath().forEach(h -> path.add(hex.formatHex(h)));
    }
    if (from.isPresent()) {
      ObjectNode c = out.putObject("consistency");
      c.put("from", from.get());
      ArrayNode path = c.putArray("path");
      log.consistencyProof(from.get(), head.size()).path().forEach(h -> path.add(hex.formatHex(h)));
    }
    out.set("treeHead", ProtocolJson.toJson(head));
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(ProtocolJson.text(out).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Long> number(ServerRequest req, String name) {
    Optional<String> v = req.query().first(name).asOptional();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(v.get());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + "=" + v.get().replaceAll("\\p{Cntrl}", "?") + " is not a non-negative integer");
    }
  }
}
