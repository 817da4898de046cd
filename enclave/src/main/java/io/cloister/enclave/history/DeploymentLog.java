package io.cloister.enclave.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.merkle.ConsistencyProof;
import io.cloister.attestation.merkle.InclusionProof;
import io.cloister.attestation.merkle.MerkleLog;
import io.cloister.enclave.protocol.DeploymentLogEntry;
import io.cloister.enclave.protocol.LogTreeHead;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The enclave's deployment log, kept in {@code DIR/entries} and {@code DIR/head.json}.
 *
 * <p>{@code entries} is append-only: per entry a 4-byte big-endian length, the entry's leaf (its
 * JSON text) and a 32-byte MAC chained over all before it, {@code mac[i] = HMAC(key, mac[i-1] ‖
 * u64 i ‖ leaf)} with {@code mac[-1]} all zeros. {@code head.json} holds the size and root and
 * {@code HMAC(key, "head" ‖ u64 size ‖ root ‖ mac[size-1])}, replaced atomically after each
 * append. At open every MAC is checked: an edited, swapped or removed entry, or a head that
 * claims more entries than there are, stops the enclave (the host changed the log). One entry
 * past the head is an append whose head did not reach the disk before a crash, and is kept.
 *
 * <p>Not detected here: the host putting back an older copy of both files, or deleting both. That
 * is a rollback of the whole state, which clients catch by the log's tree head (issue 13's state
 * head and {@code cloister verify --since}).
 */
public final class DeploymentLog implements AutoCloseable {
  /** The entries file. */
  public static final String ENTRIES = "entries";

  /** The head file. */
  public static final String HEAD = "head.json";

  private static final int MAC_LENGTH = 32;
  private static final int MAX_ENTRY_BYTES = 64 * 1024;

  private final Path dir;
  private final SecretKeySpec key;
  private final MerkleLog tree = new MerkleLog();
  private final List<byte[]> leaves = new ArrayList<>();
  private final FileChannel out;
  private byte[] lastMac = new byte[MAC_LENGTH];

  private DeploymentLog(Path dir, SecretKeySpec key, FileChannel out) {
    this.dir = dir;
    this.key = key;
    this.out = out;
  }

  /**
   * Opens the log in {@code dir} (an empty one if there is none), checking every entry and the
   * head under {@code macKey}.
   *
   * @throws DeploymentLogException if the log was truncated or rewritten, or cannot be read
   */
  public static DeploymentLog open(Path dir, byte[] macKey) throws DeploymentLogException {
    SecretKeySpec key = new SecretKeySpec(macKey, "HmacSHA256");
    Path entries = dir.resolve(ENTRIES);
    List<byte[]> leaves = new ArrayList<>();
    List<byte[]> macs = new ArrayList<>();
    long validBytes;
    try {
      Files.createDirectories(dir);
      validBytes = read(entries, key, leaves, macs);
    } catch (IOException e) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.IO, "cannot read the deployment log " + entries + ": " + e, e);
    }
    Head head = readHead(dir.resolve(HEAD), key, macs);
    if (head.size() > leaves.size()) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.TRUNCATED,
          "the deployment log was truncated on the host: its sealed head says "
              + head.size()
              + " entries, "
              + entries
              + " holds "
              + leaves.size(),
          null);
    }
    if (leaves.size() > head.size() + 1) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.REWRITTEN,
          "the deployment log holds "
              + leaves.size()
              + " entries but its sealed head only "
              + head.size()
              + ": entries were added on the host",
          null);
    }
    FileChannel out;
    try {
      out = FileChannel.open(entries, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      out.truncate(validBytes); // a torn last record (a crash mid-append) goes
      out.position(validBytes);
    } catch (IOException e) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.IO, "cannot open " + entries + " for appending: " + e, e);
    }
    DeploymentLog log = new DeploymentLog(dir, key, out);
    for (int i = 0; i < leaves.size(); i++) {
      log.tree.append(leaves.get(i));
      log.leaves.add(leaves.get(i));
      log.lastMac = macs.get(i);
    }
    if (head.size() == leaves.size()
        && head.size() > 0
        && !MessageDigest.isEqual(head.root(), log.tree.root())) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.REWRITTEN,
          "the deployment log's entries do not give the root its sealed head holds",
          null);
    }
    if (head.size() < leaves.size()) {
      log.writeHead(); // the last append's head did not reach the disk
    }
    return log;
  }

  /** Reads the records into {@code leaves} and {@code macs}; returns the bytes of whole records. */
  private static long read(Path file, SecretKeySpec key, List<byte[]> leaves, List<byte[]> macs)
      throws IOException, DeploymentLogException {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
    ByteBuffer b = ByteBuffer.wrap(all);
    byte[] prev = new byte[MAC_LENGTH];
    long valid = 0;
    while (b.remaining() >= 4) {
      int length = b.getInt(b.position());
      if (length < 0 || length > MAX_ENTRY_BYTES) {
        throw new DeploymentLogException(
            DeploymentLogException.Kind.REWRITTEN,
            "entry " + leaves.size() + " of the deployment log claims " + length + " bytes",
            null);
      }
      if (b.remaining() < 4 + length + MAC_LENGTH) {
        break; // torn: the process died while appending it
      }
      b.getInt();
      byte[] leaf = new byte[length];
      b.get(leaf);
      byte[] mac = new byte[MAC_LENGTH];
      b.get(mac);
      if (!MessageDigest.isEqual(mac, mac(key, prev, leaves.size(), leaf))) {
        throw new DeploymentLogException(
            DeploymentLogException.Kind.REWRITTEN,
            "entry " + leaves.size() + " of the deployment log does not carry its MAC: it was"
                + " edited, reordered or removed on the host",
            null);
      }
      leaves.add(leaf);
      macs.add(mac);
      prev = mac;
      valid = b.position();
    }
    return valid;
  }

  private record Head(long size, byte[] root) {}

  private static Head readHead(Path file, SecretKeySpec key, List<byte[]> macs)
      throws DeploymentLogException {
    byte[] text;
    try {
      text = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (macs.size() > 1) {
        throw new DeploymentLogException(
            DeploymentLogException.Kind.REWRITTEN,
            "the deployment log's sealed head " + file + " is missing",
            null);
      }
      return new Head(0, null); // a new log, or its first append's head did not reach the disk
    } catch (IOException e) {
      throw new DeploymentLogException(DeploymentLogException.Kind.IO, "cannot read " + file, e);
    }
    try {
      JsonNode n = ProtocolJson.parse(text);
      LogTreeHead h = ProtocolJson.logTreeHead(n.path("head"), "$.head");
      byte[] given = HexFormat.of().parseHex(n.path("mac").asText(""));
      if (h.size() > macs.size()) {
        return new Head(h.size(), h.rootBytes()); // truncated: the caller says so
      }
      byte[] last = h.size() == 0 ? new byte[MAC_LENGTH] : macs.get((int) h.size() - 1);
      if (!MessageDigest.isEqual(given, headMac(key, h.size(), h.rootBytes(), last))) {
        throw new DeploymentLogException(
            DeploymentLogException.Kind.REWRITTEN,
            "the deployment log's head " + file + " does not carry its MAC",
            null);
      }
      return new Head(h.size(), h.rootBytes());
    } catch (ProtocolFormatException | IllegalArgumentException e) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.REWRITTEN, "the deployment log's head " + file + " is malformed: "
              + e.getMessage(), e);
    }
  }

  /**
   * Appends the entry {@code entryAt} makes for the next index, durably (synced before this
   * returns), and returns the new tree head.
   *
   * @throws DeploymentLogException if it cannot be written; the log then refuses further appends
   */
  public synchronized LogTreeHead append(LongFunction<DeploymentLogEntry> entryAt)
      throws DeploymentLogException {
    long index = leaves.size();
    byte[] leaf = entryAt.apply(index).leaf();
    if (leaf.length > MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException("an entry of " + leaf.length + " bytes is too large");
    }
    byte[] mac = mac(key, lastMac, index, leaf);
    ByteBuffer record = ByteBuffer.allocate(4 + leaf.length + MAC_LENGTH);
    record.putInt(leaf.length).put(leaf).put(mac).flip();
    try {
      while (record.hasRemaining()) {
        out.write(record);
      }
      out.force(true);
    } catch (IOException e) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.IO, "cannot append to the deployment log: " + e, e);
    }
    tree.append(leaf);
    leaves.add(leaf);
    lastMac = mac;
    writeHead();
    return head();
  }

  private void writeHead() throws DeploymentLogException {
    LogTreeHead h = head();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("head", ProtocolJson.toJson(h));
    o.put("mac", HexFormat.of().formatHex(headMac(key, h.size(), h.rootBytes(), lastMac)));
    Path tmp = dir.resolve(HEAD + ".tmp");
    try (FileChannel c =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      c.write(ByteBuffer.wrap(ProtocolJson.text(o).getBytes(StandardCharsets.UTF_8)));
      c.force(true);
      Files.move(tmp, dir.resolve(HEAD), StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
    } catch (IOException e) {
      throw new DeploymentLogException(
          DeploymentLogException.Kind.IO, "cannot write the deployment log's head: " + e, e);
    }
  }

  /** The current tree head. */
  public synchronized LogTreeHead head() {
    return LogTreeHead.of(tree.size(), tree.root());
  }

  /** The leaves (entries' JSON text) from {@code start}, at most {@code limit}. */
  public synchronized List<byte[]> leaves(long start, int limit) {
    int from = (int) Math.min(Math.max(start, 0), leaves.size());
    int to = (int) Math.min((long) from + Math.max(limit, 0), leaves.size());
    return leaves.subList(from, to).stream().map(byte[]::clone).toList();
  }

  /** The inclusion proof of entry {@code index} in the log of {@code size} entries. */
  public synchronized InclusionProof inclusionProof(long index, long size) {
    return tree.inclusionProof(index, size);
  }

  /** The consistency proof from {@code first} entries to {@code second}. */
  public synchronized ConsistencyProof consistencyProof(long first, long second) {
    return tree.consistencyProof(first, second);
  }

  private static byte[] mac(SecretKeySpec key, byte[] prev, long index, byte[] leaf) {
    Mac m = hmac(key);
    m.update(prev);
    m.update(ByteBuffer.allocate(8).putLong(index).array());
    m.update(leaf);
    return m.doFinal();
  }

  private static byte[] headMac(SecretKeySpec key, long size, byte[] root, byte[] lastMac) {
    Mac m = hmac(key);
    m.update("head".getBytes(StandardCharsets.US_ASCII));
    m.update(ByteBuffer.allocate(8).putLong(size).array());
    m.update(root);
    m.update(lastMac);
    return m.doFinal();
  }

  private static Mac hmac(SecretKeySpec key) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
