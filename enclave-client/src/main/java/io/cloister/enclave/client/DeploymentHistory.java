package io.cloister.enclave.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.ConsistencyProof;
import io.cloister.attestation.merkle.InclusionProof;
import io.cloister.attestation.merkle.InclusionProofException;
import io.cloister.attestation.merkle.TreeHasher;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.LogTreeHead;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An enclave's deployment log as fetched from {@code /.well-known/cloister/log} and checked: every
 * entry proven to be in the tree head by its inclusion proof and, given a head seen before, the
 * proof that the log extends it (so it was neither rewritten nor rolled back past it).
 *
 * @param head the tree head every entry was proven against
 * @param entries every entry, in order
 */
public record DeploymentHistory(LogTreeHead head, List<DeploymentLogEntry> entries) {
  /** The path the enclave serves its log at. */
  public static final String PATH = "/.well-known/cloister/log";

  /** The log could not be fetched, or does not prove what it must; the message says which. */
  public static final class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public HistoryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Fetches the whole log from the enclave at {@code authority} ({@code host:port}) over {@code
   * tls} (a context that verifies the enclave's RA-TLS certificate, so the answer comes from the
   * attested enclave), and checks it: the head is the {@code enclave/deployment-log} leaf of the
   * Config Merkle tree whose root is {@code configRoot} (the one the verified certificate and its
   * quote carry), and every entry is in that head; with {@code since}, also that the log extends
   * that head.
   *
   * @throws HistoryException naming the entry or head that does not check out
   */
  public static DeploymentHistory fetch(
      String authority,
      SSLContext tls,
      Optional<String> sni,
      Optional<LogTreeHead> since,
      byte[] configRoot,
      Duration timeout)
      throws HistoryException {
    SSLParameters params = tls.getDefaultSSLParameters();
    sni.ifPresent(s -> params.setServerNames(List.of(new SNIHostName(s))));
    try (HttpClient http =
        HttpClient.newBuilder().sslContext(tls).sslParameters(params).connectTimeout(timeout).build()) {
      List<DeploymentLogEntry> entries = new ArrayList<>();
      LogTreeHead head = null;
      do {
        String query = "?start=" + entries.size() + since.map(s -> "&from=" + s.size()).orElse("");
        JsonNode page = get(http, URI.create("https://" + authority + PATH + query), timeout);
        LogTreeHead pageHead = ProtocolJson.logTreeHead(page.path("treeHead"), "$.treeHead");
        if (head != null && !head.equals(pageHead)) {
          throw new HistoryException(
              "the log grew while it was read (" + head + " then " + pageHead + "): read it again",
              null);
        }
        head = pageHead;
        if (entries.isEmpty()) {
          checkAttested(head, configRoot, page.path("configProof"));
        }
        if (since.isPresent() && entries.isEmpty()) {
          checkConsistency(since.get(), head, page.path("consistency"));
        }
        JsonNode list = page.path("entries");
        if (!list.isArray() || (list.isEmpty() && entries.size() < head.size())) {
          throw new HistoryException("the log answered no entries below its size " + head.size(), null);
        }
        for (JsonNode e : list) {
          entries.add(checkEntry(entries.size(), head, e));
        }
      } while (entries.size() < head.size());
      return new DeploymentHistory(head, List.copyOf(entries));
    } catch (ProtocolFormatException e) {
      throw new HistoryException("the log's answer is malformed at " + e.getMessage(), e);
    }
  }

  private static JsonNode get(HttpClient http, URI uri, Duration timeout) throws HistoryException {
    try {
      HttpResponse<InputStream> res =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = res.body()) {
        body = in.readNBytes(ProtocolJson.MAX_MESSAGE_BYTES + 1);
      }
      if (res.statusCode() != 200) {
        throw new HistoryException(
            uri.getPath() + " answered " + res.statusCode() + ": "
                + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip(),
            null);
      }
      return ProtocolJson.parse(body);
    } catch (ProtocolFormatException e) {
      throw new HistoryException(uri.getPath() + " did not answer JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new HistoryException("cannot fetch " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException("interrupted fetching " + uri, e);
    }
  }

  private static DeploymentLogEntry checkEntry(long index, LogTreeHead head, JsonNode e)
      throws HistoryException, ProtocolFormatException {
    if (e.path("index").asLong(-1) != index || !e.path("leaf").isTextual()) {
      throw new HistoryException("entry " + index + " is missing or out of order", null);
    }
    byte[] leaf = e.path("leaf").textValue().getBytes(StandardCharsets.UTF_8);
    try {
      byte[] root =
          new InclusionProof(index, head.size(), hashes(e.path("inclusionProof"), "entry " + index))
              .rootFromLeafHash(TreeHasher.leafHash(leaf));
      if (!MessageDigest.isEqual(root, head.rootBytes())) {
        throw new HistoryException(
            "entry " + index + " is not in the tree head " + head + ": its proof leads to "
                + HexFormat.of().formatHex(root),
            null);
      }
    } catch (InclusionProofException | IllegalArgumentException ex) {
      throw new HistoryException("entry " + index + "'s inclusion proof: " + ex.getMessage(), ex);
    }
    DeploymentLogEntry entry = ProtocolJson.deploymentLogEntry(ProtocolJson.parse(leaf));
    if (entry.index() != index) {
      throw new HistoryException("entry " + index + " says it is entry " + entry.index(), null);
    }
    return entry;
  }

  private static void checkAttested(LogTreeHead head, byte[] configRoot, JsonNode proof)
      throws HistoryException {
    try {
      new InclusionProof(
              proof.path("leafIndex").asLong(-1),
              proof.path("treeSize").asLong(-1),
              hashes(proof.path("auditPath"), "the head's Config Merkle proof"))
          .verify(
              configRoot,
              ConfigKeys.DEPLOYMENT_LOG,
              ConfigKeys.deploymentLogValue(head.size(), head.rootBytes()));
    } catch (InclusionProofException | IllegalArgumentException e) {
      throw new HistoryException(
          "the log's head " + head + " is not the one the certificate's Config Merkle root "
              + HexFormat.of().formatHex(configRoot) + " commits to: " + e.getMessage()
              + " (if the enclave was just deployed to, read it again)",
          e);
    }
  }

  private static void checkConsistency(LogTreeHead since, LogTreeHead head, JsonNode c)
      throws HistoryException {
    if (since.size() > head.size()) {
      throw new HistoryException(
          "the log went back: it has " + head.size() + " entries, " + since + " was seen before",
          null);
    }
    try {
      new ConsistencyProof(since.size(), head.size(), hashes(c.path("path"), "the consistency proof"))
          .verify(since.rootBytes(), head.rootBytes());
    } catch (InclusionProofException | IllegalArgumentException e) {
      throw new HistoryException(
          "the log " + head + " does not extend " + since + ": " + e.getMessage(), e);
    }
  }

  private static List<byte[]> hashes(JsonNode array, String what) throws HistoryException {
    if (!array.isArray()) {
      throw new HistoryException(what + " has no proof", null);
    }
    List<byte[]> out = new ArrayList<>();
    for (JsonNode h : array) {
      try {
        out.add(HexFormat.of().parseHex(h.asText("")));
      } catch (IllegalArgumentException e) {
        throw new HistoryException(what + " holds a hash that is not hex", e);
      }
    }
    return out;
  }
}
