package io.cloister.artifact.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * A {@link CompiledCodeCache} whose entries carry an HMAC-SHA256 tag over their key, name and
 * bytes, under a key only the enclave holds (its sealing key, once sealed storage lands). An entry
 * the host altered, moved to another key or truncated fails the check and is a miss: the enclave
 * recompiles rather than define classes it cannot prove it made.
 */
public final class AuthenticatedCodeCache implements CompiledCodeCache {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_LENGTH = 32;

  private final CompiledCodeCache storage;
  private final SecretKey key;
  private final java.util.function.Consumer<String> rejected;

  /**
   * @param storage where tagged entries live (a {@link DirectoryCodeCache} on host storage)
   * @param key the HMAC-SHA256 key
   */
  public AuthenticatedCodeCache(CompiledCodeCache storage, SecretKey key) {
    this(storage, key, what -> {});
  }

  /**
   * As {@link #AuthenticatedCodeCache(CompiledCodeCache, SecretKey)}, telling {@code rejected}
   * about each entry that fails its check (what it was and why), so that a host editing the
   * cache is seen, not only survived.
   */
  public AuthenticatedCodeCache(
      CompiledCodeCache storage, SecretKey key, java.util.function.Consumer<String> rejected) {
    this.storage = storage;
    this.key = key;
    this.rejected = rejected;
    newMac(); // refuses an unusable key now, not at the first entry
  }

  @Override
  public Optional<byte[]> get(CacheKey cacheKey, String entry) throws IOException {
    Optional<byte[]> stored = storage.get(cacheKey, entry);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    if (stored.get().length < TAG_LENGTH) {
      rejected.accept(describe(cacheKey, entry) + " is truncated");
      return Optional.empty();
    }
    byte[] tagged = stored.get();
    byte[] bytes = Arrays.copyOfRange(tagged, TAG_LENGTH, tagged.length);
    byte[] expected = tag(cacheKey, entry, bytes);
    if (!MessageDigest.isEqual(expected, Arrays.copyOf(tagged, TAG_LENGTH))) {
      rejected.accept(describe(cacheKey, entry) + " fails its MAC: altered or moved on the host");
      return Optional.empty();
    }
    return Optional.of(bytes);
  }

  @Override
  public void putIfAbsent(CacheKey cacheKey, String entry, byte[] bytes) throws IOException {
    byte[] tagged = ByteBuffer.allocate(TAG_LENGTH + bytes.length).put(tag(cacheKey, entry, bytes)).put(bytes).array();
    storage.putIfAbsent(cacheKey, entry, tagged);
  }

  private static String describe(CacheKey cacheKey, String entry) {
    return "compiled-code cache entry '" + entry + "' of " + cacheKey.engineId() + " component "
        + cacheKey.componentHash();
  }

  /** The tag binds the bytes to their engine, component and entry name, each length-prefixed. */
  private byte[] tag(CacheKey cacheKey, String entry, byte[] bytes) {
    Mac mac = newMac();
    field(mac, cacheKey.engineId().getBytes(StandardCharsets.UTF_8));
    field(mac, cacheKey.componentHash().bytes());
    field(mac, entry.getBytes(StandardCharsets.UTF_8));
    field(mac, bytes);
    return mac.doFinal();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an HMAC-SHA256 key: " + e.getMessage(), e);
    }
  }

  private static void field(Mac mac, byte[] value) {
    mac.update(ByteBuffer.allocate(4).putInt(value.length).array());
    mac.update(value);
  }
}
