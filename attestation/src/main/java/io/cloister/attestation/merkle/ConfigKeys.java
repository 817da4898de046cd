package io.cloister.attestation.merkle;

import java.util.regex.Pattern;

/** The well-known keys of the Config Merkle tree and the app names they may embed. */
public final class ConfigKeys {

  /** The measurement (MRENCLAVE) of the enclave runtime, 32 raw bytes. */
  public static final String RUNTIME_MEASUREMENT = "runtime/measurement";

  /** An app name: lowercase letters, digits and '-', starting with a letter, at most 63 chars. */
  public static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /**
   * The deployment log's tree head: the size as 8 bytes big-endian, then the 32-byte RFC 9162 root
   * ({@link #deploymentLogValue}). Through the Merkle root, every certificate and quote commits to
   * it.
   */
  public static final String DEPLOYMENT_LOG = "enclave/deployment-log";

  private ConfigKeys() {}

  /** The value of {@link #DEPLOYMENT_LOG} for a log of {@code size} entries with {@code root}. */
  public static byte[] deploymentLogValue(long size, byte[] root) {
    if (size < 0 || root.length != TreeHasher.HASH_LENGTH) {
      throw new IllegalArgumentException("a log head is a size and a 32-byte root");
    }
    return java.nio.ByteBuffer.allocate(8 + TreeHasher.HASH_LENGTH).putLong(size).put(root).array();
  }

  /** {@code apps/<name>/code-hash}: SHA-256 of the deployed artifact, 32 raw bytes. */
  public static String appCodeHash(String app) {
    return appKey(app, "code-hash");
  }

  /** {@code apps/<name>/route-prefix}: the route prefix, UTF-8. */
  public static String appRoutePrefix(String app) {
    return appKey(app, "route-prefix");
  }

  /** {@code apps/<name>/hostname}: the hostname (SNI) of the app, UTF-8. */
  public static String appHostname(String app) {
    return appKey(app, "hostname");
  }

  /** {@code apps/<name>/capabilities}: the granted capabilities, UTF-8, one per line, sorted. */
  public static String appCapabilities(String app) {
    return appKey(app, "capabilities");
  }

  private static String appKey(String app, String field) {
    if (!APP_NAME.matcher(app).matches()) {
      throw new IllegalArgumentException(
          "app name '" + app + "' does not match " + APP_NAME.pattern());
    }
    return "apps/" + app + "/" + field;
  }
}
