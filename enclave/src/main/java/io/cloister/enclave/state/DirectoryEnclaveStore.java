package io.cloister.enclave.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.enclave.protocol.DeploymentRules;
import io.cloister.enclave.protocol.ProtocolFormatException;
import io.cloister.enclave.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The enclave's deployments in a directory: {@code apps/NAME.sealed} (the record, sealed by {@link
 * RecordSeal} to its app, replaced by an atomic rename after an fsync), {@code artifacts/SHA256}
 * (content-addressed, written and synced before any record names it, checked against its hash
 * when read back; the code is public, its hash is in the certificates) and {@code staging/}
 * (uploads in progress, cleared on open). Not detected here: the host putting back an older
 * sealed record of the same app (a rollback; issue 13's state head).
 */
public final class DirectoryEnclaveStore implements EnclaveStore {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String RECORD = ".sealed";

  private final Path apps;
  private final Path artifacts;
  private final Path staging;
  private final RecordSeal seal;

  private DirectoryEnclaveStore(Path root, RecordSeal seal) {
    this.seal = seal;
    this.apps = root.resolve("apps");
    this.artifacts = root.resolve("artifacts");
    this.staging = root.resolve("staging");
  }

  /**
   * Opens (creating) the store under {@code root}, its records sealed by {@code seal}, discarding
   * uploads a crash left behind.
   */
  public static DirectoryEnclaveStore open(Path root, RecordSeal seal) throws EnclaveStoreException {
    DirectoryEnclaveStore store = new DirectoryEnclaveStore(root, seal);
    try {
      Files.createDirectories(store.apps);
      Files.createDirectories(store.artifacts);
      Files.createDirectories(store.staging);
      try (DirectoryStream<Path> left = Files.newDirectoryStream(store.staging)) {
        for (Path p : left) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot open the enclave's store at " + root + ": " + e, e);
    }
    return store;
  }

  @Override
  public StagedArtifact stage(InputStream in, long maxBytes)
      throws EnclaveStoreException, ArtifactTooLargeException {
    Path file;
    try {
      file = Files.createTempFile(staging, "upload-", ".part");
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot create a staging file in " + staging + ": " + e, e);
    }
    MessageDigest sha256 = sha256();
    long size = 0;
    boolean kept = false;
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        size += n;
        if (size > maxBytes) {
          throw new ArtifactTooLargeException(maxBytes);
        }
        sha256.update(buf, 0, n);
        out.write(buf, 0, n);
      }
      kept = true;
    } catch (IOException e) {
      throw new EnclaveStoreException("the upload broke off after " + size + " bytes: " + e, e);
    } finally {
      if (!kept) {
        deleteQuietly(file);
      }
    }
    return new StagedArtifact(file, sha256.digest(), size);
  }

  @Override
  public void put(DeploymentRecord deployment, StagedArtifact staged) throws EnclaveStoreException {
    if (!Arrays.equals(deployment.codeHash(), staged.codeHash())) {
      throw new IllegalArgumentException("the record's code hash is not the staged artifact's");
    }
    Path artifact = artifacts.resolve(deployment.codeHashHex());
    try {
      if (!Files.exists(artifact)) {
        fsync(staged.file());
        move(staged.file(), artifact);
        fsync(artifacts);
      }
      Path record = recordFile(deployment.name());
      Path tmp = Files.createTempFile(staging, deployment.name() + "-", ".sealed");
      Files.write(
          tmp,
          seal.seal(
              deployment.name(),
              ProtocolJson.text(toJson(deployment)).getBytes(StandardCharsets.UTF_8)));
      fsync(tmp);
      move(tmp, record);
      fsync(apps);
    } catch (IOException e) {
      throw new EnclaveStoreException(
          "cannot record the deployment of " + deployment.name() + ": " + e, e);
    }
  }

  @Override
  public void remove(String name) throws EnclaveStoreException {
    try {
      Files.deleteIfExists(recordFile(name));
      fsync(apps);
      collectArtifacts();
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot remove the deployment of " + name + ": " + e, e);
    }
  }

  @Override
  public List<DeploymentRecord> deployments() throws EnclaveStoreException {
    List<DeploymentRecord> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(apps, "*" + RECORD)) {
      for (Path f : files) {
        out.add(read(f));
      }
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot list the deployments in " + apps + ": " + e, e);
    }
    out.sort(java.util.Comparator.comparing(DeploymentRecord::name));
    return out;
  }

  @Override
  public byte[] artifact(DeploymentRecord deployment) throws EnclaveStoreException {
    Path file = artifacts.resolve(deployment.codeHashHex());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new EnclaveStoreException(
          "the artifact of " + deployment.name() + " (" + file + ") is missing");
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot read " + file + ": " + e, e);
    }
    if (!Arrays.equals(sha256().digest(bytes), deployment.codeHash())) {
      throw new EnclaveStoreException(
          "the artifact of " + deployment.name() + " (" + file + ") does not match its code hash");
    }
    return bytes;
  }

  private Path recordFile(String name) {
    // Names are DNS labels: they cannot climb out of the directory.
    if (!DeploymentRules.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an app name: " + name);
    }
    return apps.resolve(name + RECORD);
  }

  private void collectArtifacts() throws IOException, EnclaveStoreException {
    Set<String> named = new HashSet<>();
    for (DeploymentRecord d : deployments()) {
      named.add(d.codeHashHex());
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(artifacts)) {
      for (Path f : files) {
        if (!named.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private static JsonNode toJson(DeploymentRecord d) {
    ObjectNode o = NODES.objectNode();
    o.set("spec", ProtocolJson.toJson(d.spec()));
    ArrayNode caps = o.putArray("capabilities");
    d.capabilities().forEach(caps::add);
    o.put("codeHash", d.codeHashHex());
    o.put("artifactKind", d.artifactKind());
    o.put("artifactSize", d.artifactSize());
    o.put("deployedAt", d.deployedAt().toString());
    return o;
  }

  private DeploymentRecord read(Path f) throws EnclaveStoreException {
    String file = f.getFileName().toString();
    String name = file.substring(0, file.length() - RECORD.length());
    try {
      byte[] plain;
      try {
        plain = seal.open(name, Files.readAllBytes(f));
      } catch (EnclaveStoreException e) {
        throw new EnclaveStoreException(f + ": " + e.getMessage(), e);
      }
      JsonNode o = ProtocolJson.parse(plain);
      List<String> caps = new ArrayList<>();
      o.path("capabilities").forEach(c -> caps.add(c.asText()));
      DeploymentRecord record = new DeploymentRecord(
          ProtocolJson.deploymentSpec(o.get("spec")),
          caps,
          HEX.parseHex(o.path("codeHash").asText()),
          o.path("artifactKind").asText(),
          o.path("artifactSize").asLong(),
          Instant.parse(o.path("deployedAt").asText()));
      if (!record.name().equals(name)) {
        throw new EnclaveStoreException(f + " holds the record of " + record.name());
      }
      return record;
    } catch (IOException e) {
      throw new EnclaveStoreException("cannot read " + f + ": " + e, e);
    } catch (ProtocolFormatException | IllegalArgumentException | DateTimeParseException e) {
      throw new EnclaveStoreException(f + " is not a deployment record: " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void fsync(Path p) throws IOException {
    boolean dir = Files.isDirectory(p);
    try (FileChannel c = FileChannel.open(p, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      c.force(true);
    } catch (IOException e) {
      if (!dir) {
        throw e;
      }
      // some file systems refuse to sync a directory; the rename is then as durable as they allow
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a staging file; the next open clears it
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
