package io.cloister.enclave.manage;

import io.cloister.enclave.state.SecretFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The management credential: 32 random bytes, base64url, in {@code DATA/manager-token} (mode
 * 0600, made on first start). Only its SHA-256 stays in memory; a presented token is compared in
 * constant time.
 */
public final class ManagerToken {
  /** The file's name in the data directory. */
  public static final String FILE = "manager-token";

  private final byte[] digest;
  private final Path file;
  private final boolean created;

  private ManagerToken(byte[] digest, Path file, boolean created) {
    this.digest = digest;
    this.file = file;
    this.created = created;
  }

  /** Reads the token in {@code dataDir}, or makes one (readable by the owner alone). */
  public static ManagerToken loadOrCreate(Path dataDir) throws IOException {
    SecretFile secret = SecretFile.readOrCreate(dataDir.resolve(FILE), 32);
    return new ManagerToken(sha256(secret.value()), secret.file(), secret.created());
  }

  /** Where the token is. */
  public Path file() {
    return file;
  }

  /** Whether this start made the token. */
  public boolean created() {
    return created;
  }

  /**
   * The credential as the deployment log names its caller: {@code token:} and the first 16 hex
   * digits of the token's SHA-256 (which says nothing usable about the token itself).
   */
  public String callerId() {
    return "token:" + java.util.HexFormat.of().formatHex(digest, 0, 8);
  }

  /** Whether {@code presented} is the token (constant time in its content). */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
