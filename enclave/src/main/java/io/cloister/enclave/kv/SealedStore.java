package io.cloister.enclave.kv;

import io.cloister.wasi.keyvalue.KeyPage;
import io.cloister.wasi.keyvalue.KeyValueException;
import io.cloister.wasi.keyvalue.KeyValueStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One bucket of one app, sealed. On the host a record is
 *
 * <pre>
 *   stored key = app tag (16) ‖ bucket tag (16) ‖ HMAC(mac key, "key" ‖ 0 ‖ bucket ‖ 0 ‖ key)
 *   value      = nonce (12) ‖ AES-256-GCM(enc key, version (8) ‖ key length (4) ‖ key ‖ value,
 *                                          AAD = "cloister kv v1" ‖ 0 ‖ app ‖ 0 ‖ stored key)
 * </pre>
 *
 * so the host sees neither key names nor values, and a record moved to another key, bucket or app,
 * or altered, fails to authenticate. Within a run the store remembers each key's last version (and
 * deletions): an older record put back, or a record deleted on the host, is caught too; across a
 * restart that is the state head's job (issue 13). A record that fails is reported to the app as
 * an {@code other} error naming the key, never returned as data, and to {@code tampering}.
 * Operations on one bucket are serialized, so increments and compare-and-swaps never lose an
 * update.
 */
final class SealedStore implements KeyValueStore {
  private static final int NONCE = 12;
  private static final int TAG = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String app;
  private final String bucket;
  private final HostStore host;
  private final SecretKeySpec enc;
  private final SecretKeySpec mac;
  private final byte[] prefix;
  private final Consumer<String> tampering;
  /** Last version of each stored key seen or written in this run; negative: deleted at -v. */
  private final Map<ByteBuffer, Long> versions = new ConcurrentHashMap<>();

  SealedStore(
      String app,
      String bucket,
      HostStore host,
      byte[] encKey,
      byte[] macKey,
      Consumer<String> tampering) {
    this.app = app;
    this.bucket = bucket;
    this.host = host;
    this.enc = new SecretKeySpec(encKey, "AES");
    this.mac = new SecretKeySpec(macKey, "HmacSHA256");
    this.tampering = tampering;
    byte[] appTag = hmac("app", app);
    byte[] bucketTag = hmac("bucket", bucket);
    this.prefix = ByteBuffer.allocate(32).put(appTag, 0, 16).put(bucketTag, 0, 16).array();
  }

  /** What a record holds once opened. */
  private record Opened(long version, String key, byte[] value) {}

  @Override
  public synchronized Optional<byte[]> get(String key) throws KeyValueException {
    KeyValueStore.checkKey(key);
    return read(key).map(Opened::value);
  }

  @Override
  public synchronized void set(String key, byte[] value) throws KeyValueException {
    KeyValueStore.checkKey(key);
    KeyValueStore.checkValue(value);
    Optional<Opened> current = read(key);
    write(key, current.map(Opened::version).orElse(deletedAt(key)) + 1, value);
  }

  @Override
  public synchronized void delete(String key) throws KeyValueException {
    KeyValueStore.checkKey(key);
    Optional<Opened> current = read(key);
    if (current.isEmpty()) {
      return;
    }
    byte[] stored = storedKey(key);
    try {
      host.delete(stored);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot delete '" + key + "': " + e.getMessage());
    }
    versions.put(ByteBuffer.wrap(stored), -current.get().version());
  }

  @Override
  public synchronized boolean exists(String key) throws KeyValueException {
    KeyValueStore.checkKey(key);
    return read(key).isPresent();
  }

  @Override
  public synchronized KeyPage listKeys(Optional<String> cursor) throws KeyValueException {
    List<Map.Entry<byte[], byte[]>> records;
    try {
      records = host.scan(prefix);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot list keys: " + e.getMessage());
    }
    TreeMap<String, Boolean> keys = new TreeMap<>();
    for (Map.Entry<byte[], byte[]> r : records) {
      keys.put(open(r.getKey(), r.getValue(), null).key(), Boolean.TRUE);
    }
    List<String> page = new ArrayList<>();
    for (String k : cursor.isPresent() ? keys.tailMap(cursor.get(), false).keySet() : keys.keySet()) {
      if (page.size() == PAGE_SIZE) {
        return new KeyPage(page, Optional.of(page.get(page.size() - 1)));
      }
      page.add(k);
    }
    return new KeyPage(page, Optional.empty());
  }

  @Override
  public synchronized long increment(String key, long delta) throws KeyValueException {
    KeyValueStore.checkKey(key);
    Optional<Opened> current = read(key);
    long next = KeyValueStore.counter(key, current.map(Opened::value)) + delta;
    write(key, current.map(Opened::version).orElse(deletedAt(key)) + 1, KeyValueStore.counterBytes(next));
    return next;
  }

  @Override
  public synchronized boolean compareAndSwap(String key, Optional<byte[]> expected, byte[] value)
      throws KeyValueException {
    KeyValueStore.checkKey(key);
    KeyValueStore.checkValue(value);
    Optional<Opened> current = read(key);
    if (!KeyValueStore.sameValue(current.map(Opened::value), expected)) {
      return false;
    }
    write(key, current.map(Opened::version).orElse(deletedAt(key)) + 1, value);
    return true;
  }

  private long deletedAt(String key) {
    Long v = versions.get(ByteBuffer.wrap(storedKey(key)));
    return v != null && v < 0 ? -v : 0;
  }

  private Optional<Opened> read(String key) throws KeyValueException {
    byte[] stored = storedKey(key);
    Optional<byte[]> value;
    try {
      value = host.get(stored);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot read '" + key + "': " + e.getMessage());
    }
    Long known = versions.get(ByteBuffer.wrap(stored));
    if (value.isEmpty()) {
      if (known != null && known > 0) {
        throw tampered(key, "its record was deleted on the host");
      }
      return Optional.empty();
    }
    Opened opened = open(stored, value.get(), key);
    boolean older =
        known != null
            && ((known > 0 && opened.version() < known) // present: never goes back
                || (known < 0 && opened.version() <= -known)); // deleted: it was put back
    if (older) {
      throw tampered(key, "an older record (version " + opened.version() + ") was put back");
    }
    versions.put(ByteBuffer.wrap(stored), opened.version());
    return Optional.of(opened);
  }

  @Override
  public synchronized void setMany(List<Map.Entry<String, byte[]>> keyValues)
      throws KeyValueException {
    // Everything is checked and sealed first, then written in one atomic batch: all or nothing.
    Map<String, byte[]> last = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, byte[]> kv : keyValues) {
      KeyValueStore.checkKey(kv.getKey());
      KeyValueStore.checkValue(kv.getValue());
      last.put(kv.getKey(), kv.getValue()); // a key given twice keeps its last value
    }
    List<HostStore.Write> batch = new ArrayList<>();
    Map<ByteBuffer, Long> next = new java.util.HashMap<>();
    for (Map.Entry<String, byte[]> kv : last.entrySet()) {
      long version = read(kv.getKey()).map(Opened::version).orElse(deletedAt(kv.getKey())) + 1;
      byte[] stored = storedKey(kv.getKey());
      batch.add(new HostStore.Write(stored, seal(stored, kv.getKey(), version, kv.getValue())));
      next.put(ByteBuffer.wrap(stored), version);
    }
    try {
      host.write(batch);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot write the batch: " + e.getMessage());
    }
    versions.putAll(next);
  }

  @Override
  public synchronized void deleteMany(List<String> keys) throws KeyValueException {
    List<HostStore.Write> batch = new ArrayList<>();
    Map<ByteBuffer, Long> next = new java.util.HashMap<>();
    for (String key : new java.util.LinkedHashSet<>(keys)) {
      KeyValueStore.checkKey(key);
      Optional<Opened> current = read(key);
      if (current.isPresent()) {
        byte[] stored = storedKey(key);
        batch.add(new HostStore.Write(stored, null));
        next.put(ByteBuffer.wrap(stored), -current.get().version());
      }
    }
    try {
      host.write(batch);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot delete the batch: " + e.getMessage());
    }
    versions.putAll(next);
  }

  private void write(String key, long version, byte[] value) throws KeyValueException {
    byte[] stored = storedKey(key);
    try {
      host.put(stored, seal(stored, key, version, value));
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot write '" + key + "': " + e.getMessage());
    }
    versions.put(ByteBuffer.wrap(stored), version);
  }

  /** The sealed record of {@code key} at {@code version} with {@code value}, for {@code stored}. */
  private byte[] seal(byte[] stored, String key, long version, byte[] value) {
    byte[] name = key.getBytes(StandardCharsets.UTF_8);
    byte[] plain =
        ByteBuffer.allocate(8 + 4 + name.length + value.length)
            .putLong(version)
            .putInt(name.length)
            .put(name)
            .put(value)
            .array();
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, enc, new GCMParameterSpec(TAG * 8, nonce));
      c.updateAAD(aad(stored));
      sealed = c.doFinal(plain);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
    return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
  }

  /** Opens a record found under {@code stored}; {@code expectedKey} null when listing. */
  private Opened open(byte[] stored, byte[] value, String expectedKey) throws KeyValueException {
    String shown = expectedKey == null ? "(listed)" : expectedKey;
    if (value.length < NONCE + TAG + 12) {
      throw tampered(shown, "its record is truncated");
    }
    byte[] plain;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, enc, new GCMParameterSpec(TAG * 8, value, 0, NONCE));
      c.updateAAD(aad(stored));
      plain = c.doFinal(value, NONCE, value.length - NONCE);
    } catch (AEADBadTagException e) {
      throw tampered(shown, "its record does not authenticate (altered, or moved from another key)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
    ByteBuffer b = ByteBuffer.wrap(plain);
    long version = b.getLong();
    int length = b.getInt();
    if (length < 0 || length > b.remaining()) {
      throw tampered(shown, "its record is malformed");
    }
    byte[] name = new byte[length];
    b.get(name);
    byte[] v = new byte[b.remaining()];
    b.get(v);
    return new Opened(version, new String(name, StandardCharsets.UTF_8), v);
  }

  private KeyValueException tampered(String key, String what) {
    String message = "bucket '" + bucket + "', key '" + key + "': " + what;
    tampering.accept(message);
    return KeyValueException.other("the stored value is not trustworthy: " + message);
  }

  /** The key {@code key} is stored under on the host (for tests that play the host). */
  byte[] storedKey(String key) {
    byte[] h = hmac("key", bucket + "\0" + key);
    return ByteBuffer.allocate(prefix.length + h.length).put(prefix).put(h).array();
  }

  private byte[] aad(byte[] stored) {
    byte[] head = ("cloister kv v1\0" + app + "\0").getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(head.length + stored.length).put(head).put(stored).array();
  }

  private byte[] hmac(String label, String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(mac);
      m.update(label.getBytes(StandardCharsets.US_ASCII));
      m.update((byte) 0);
      return m.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
