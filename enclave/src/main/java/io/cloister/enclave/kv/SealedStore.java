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
import java.util.TreeSet;
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

  /** A key, the key the host stores it under, what it holds now, and its next write's version. */
  private record Slot(String key, byte[] stored, Optional<Opened> current, long nextVersion) {}

  /** A change to write: a new value, or {@code null} to delete. */
  private record Change(Slot slot, byte[] value) {}

  @Override
  public synchronized Optional<byte[]> get(String key) throws KeyValueException {
    return slot(key).current().map(Opened::value);
  }

  @Override
  public synchronized void set(String key, byte[] value) throws KeyValueException {
    setMany(List.of(Map.entry(key, value)));
  }

  @Override
  public synchronized void delete(String key) throws KeyValueException {
    deleteMany(List.of(key));
  }

  @Override
  public synchronized boolean exists(String key) throws KeyValueException {
    return slot(key).current().isPresent();
  }

  @Override
  public synchronized KeyPage listKeys(Optional<String> cursor) throws KeyValueException {
    List<Map.Entry<byte[], byte[]>> records;
    try {
      records = host.scan(prefix);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot list keys: " + e.getMessage());
    }
    TreeSet<String> keys = new TreeSet<>();
    for (Map.Entry<byte[], byte[]> r : records) {
      keys.add(open(r.getKey(), r.getValue(), null).key());
    }
    List<String> page = new ArrayList<>();
    for (String k : cursor.isPresent() ? keys.tailSet(cursor.get(), false) : keys) {
      if (page.size() == PAGE_SIZE) {
        return new KeyPage(page, Optional.of(page.get(page.size() - 1)));
      }
      page.add(k);
    }
    return new KeyPage(page, Optional.empty());
  }

  @Override
  public synchronized long increment(String key, long delta) throws KeyValueException {
    Slot slot = slot(key);
    long next = KeyValueStore.counter(key, slot.current().map(Opened::value)) + delta;
    commit(List.of(new Change(slot, KeyValueStore.counterBytes(next))));
    return next;
  }

  @Override
  public synchronized boolean compareAndSwap(String key, Optional<byte[]> expected, byte[] value)
      throws KeyValueException {
    KeyValueStore.checkValue(value);
    Slot slot = slot(key);
    if (!KeyValueStore.sameValue(slot.current().map(Opened::value), expected)) {
      return false;
    }
    commit(List.of(new Change(slot, value)));
    return true;
  }

  @Override
  public synchronized void setMany(List<Map.Entry<String, byte[]>> keyValues)
      throws KeyValueException {
    // Everything is checked and read first, then written in one atomic batch: all or nothing.
    Map<String, byte[]> last = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, byte[]> kv : keyValues) {
      KeyValueStore.checkKey(kv.getKey());
      KeyValueStore.checkValue(kv.getValue());
      last.put(kv.getKey(), kv.getValue()); // a key given twice keeps its last value
    }
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, byte[]> kv : last.entrySet()) {
      changes.add(new Change(slot(kv.getKey()), kv.getValue()));
    }
    commit(changes);
  }

  @Override
  public synchronized void deleteMany(List<String> keys) throws KeyValueException {
    List<Change> changes = new ArrayList<>();
    for (String key : new java.util.LinkedHashSet<>(keys)) {
      Slot slot = slot(key);
      if (slot.current().isPresent()) {
        changes.add(new Change(slot, null));
      }
    }
    commit(changes);
  }

  /** Reads {@code key}'s record, checking it against what this run knows about the key. */
  private Slot slot(String key) throws KeyValueException {
    KeyValueStore.checkKey(key);
    byte[] stored = storedKey(key);
    ByteBuffer id = ByteBuffer.wrap(stored);
    Optional<byte[]> value;
    try {
      value = host.get(stored);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other("the store cannot read '" + key + "': " + e.getMessage());
    }
    Long known = versions.get(id);
    if (value.isEmpty()) {
      if (known != null && known > 0) {
        throw tampered(key, "its record was deleted on the host");
      }
      // A key deleted in this run continues its versions, so its old records stay recognizable.
      return new Slot(key, stored, Optional.empty(), known == null ? 1 : -known + 1);
    }
    Opened opened = open(stored, value.get(), key);
    boolean older =
        known != null
            && ((known > 0 && opened.version() < known) // present: never goes back
                || (known < 0 && opened.version() <= -known)); // deleted: it was put back
    if (older) {
      throw tampered(key, "an older record (version " + opened.version() + ") was put back");
    }
    versions.put(id, opened.version());
    return new Slot(key, stored, Optional.of(opened), opened.version() + 1);
  }

  /** Writes {@code changes} in one atomic, durable batch, then remembers their versions. */
  private void commit(List<Change> changes) throws KeyValueException {
    if (changes.isEmpty()) {
      return; // nothing to make durable: no sync
    }
    List<HostStore.Write> batch = new ArrayList<>(changes.size());
    for (Change c : changes) {
      Slot s = c.slot();
      batch.add(
          new HostStore.Write(
              s.stored(), c.value() == null ? null : seal(s.stored(), s.key(), s.nextVersion(), c.value())));
    }
    try {
      host.write(batch);
    } catch (HostStore.HostStoreException e) {
      throw KeyValueException.other(
          "the store cannot write " + changes.stream().map(c -> "'" + c.slot().key() + "'").toList()
              + ": " + e.getMessage());
    }
    for (Change c : changes) {
      Slot s = c.slot();
      // A deletion is remembered as the negated version the record had.
      versions.put(
          ByteBuffer.wrap(s.stored()), c.value() == null ? -s.current().get().version() : s.nextVersion());
    }
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
