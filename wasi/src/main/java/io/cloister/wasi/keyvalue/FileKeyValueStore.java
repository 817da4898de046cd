package io.cloister.wasi.keyvalue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A bucket kept in one directory, one file per key. Crash safety: every write goes to a temporary
 * file that is synced and then atomically renamed over the entry, so a crash leaves either the old
 * or the new value, never a mix; leftover temporary files are removed on open. Each entry file
 * names its key and ends with a SHA-256 over its content, so a damaged or swapped file is rejected
 * on open with the file and byte offset. One process owns a directory at a time.
 *
 * <p>Entry file {@code <sha256(key) hex>.kv}: {@code "CKV1"}, u32 key length, key (UTF-8), u32
 * value length, value, 32-byte SHA-256 of everything before it. Integers are big-endian.
 */
public final class FileKeyValueStore implements KeyValueStore {
  private static final byte[] MAGIC = {'C', 'K', 'V', '1'};
  private static final String SUFFIX = ".kv";
  private static final String TEMP_MARK = ".tmp-";
  private static final int HASH_BYTES = 32;

  private final Path directory;
  private final TreeSet<String> keys = new TreeSet<>();

  private FileKeyValueStore(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens (creating if needed) the bucket in {@code directory}, checking every entry; fails with an
   * {@code other} error naming the first corrupted file.
   */
  public static FileKeyValueStore open(Path directory) throws KeyValueException {
    FileKeyValueStore store = new FileKeyValueStore(directory);
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (name.contains(TEMP_MARK)) {
            Files.deleteIfExists(file); // an interrupted write; the entry itself is intact
          } else if (name.endsWith(SUFFIX)) {
            Entry e = store.readEntry(file);
            store.keys.add(e.key);
          } else {
            throw corrupted(file, 0, "unexpected file in a key-value directory");
          }
        }
      }
    } catch (IOException e) {
      throw new KeyValueException(
          new KeyValueError.Other("storage unavailable"),
          "cannot open key-value directory " + directory + ": " + e.getMessage(),
          e);
    }
    return store;
  }

  @Override
  public synchronized Optional<byte[]> get(String key) throws KeyValueException {
    if (!keys.contains(key)) {
      return Optional.empty();
    }
    Path file = fileOf(key);
    try {
      Entry e = readEntry(file);
      if (!e.key.equals(key)) {
        throw corrupted(file, 8, "holds key '" + e.key + "' instead of '" + key + "'");
      }
      return Optional.of(e.value);
    } catch (IOException e) {
      throw io("read", file, e);
    }
  }

  @Override
  public synchronized void set(String key, byte[] value) throws KeyValueException {
    KeyValueStore.checkKey(key);
    KeyValueStore.checkValue(value);
    write(key, value);
  }

  @Override
  public synchronized void delete(String key) throws KeyValueException {
    Path file = fileOf(key);
    try {
      Files.deleteIfExists(file);
      keys.remove(key);
    } catch (IOException e) {
      throw io("delete", file, e);
    }
  }

  @Override
  public synchronized boolean exists(String key) {
    return keys.contains(key);
  }

  @Override
  public synchronized KeyPage listKeys(Optional<String> cursor) {
    return InMemoryKeyValueStore.page(
        cursor.isPresent() ? keys.tailSet(cursor.get(), false) : keys);
  }

  @Override
  public synchronized long increment(String key, long delta) throws KeyValueException {
    KeyValueStore.checkKey(key);
    long next = KeyValueStore.counter(key, get(key)) + delta;
    write(key, KeyValueStore.counterBytes(next));
    return next;
  }

  @Override
  public synchronized boolean compareAndSwap(String key, Optional<byte[]> expected, byte[] value)
      throws KeyValueException {
    if (!KeyValueStore.sameValue(get(key), expected)) {
      return false;
    }
    set(key, value);
    return true;
  }

  private void write(String key, byte[] value) throws KeyValueException {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(4 + 4 + keyBytes.length + 4 + value.length + HASH_BYTES);
    buf.put(MAGIC).putInt(keyBytes.length).put(keyBytes).putInt(value.length).put(value);
    buf.put(sha256(buf.array(), buf.position()));
    buf.flip();
    Path file = fileOf(key);
    Path temp = directory.resolve(file.getFileName() + TEMP_MARK + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
      keys.add(key);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw io("write", file, e);
    }
  }

  // Makes the rename itself durable; not every platform lets a directory be opened for this.
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the rename is atomic either way, only its durability is at stake
    }
  }

  private record Entry(String key, byte[] value) {}

  private Entry readEntry(Path file) throws IOException, KeyValueException {
    long size = Files.size(file);
    if (size > 4 + 4 + MAX_KEY_BYTES + 4 + (long) MAX_VALUE_BYTES + HASH_BYTES) {
      throw corrupted(file, 0, "file of " + size + " bytes is larger than any entry");
    }
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (bytes.length < 4 + 4 + 4 + HASH_BYTES) {
      throw corrupted(file, bytes.length, "truncated: " + bytes.length + " bytes");
    }
    if (!Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
      throw corrupted(file, 0, "bad magic");
    }
    buf.position(4);
    int keyLen = buf.getInt();
    if (keyLen < 0 || keyLen > MAX_KEY_BYTES || keyLen > buf.remaining() - 4 - HASH_BYTES) {
      throw corrupted(file, 4, "key length " + Integer.toUnsignedString(keyLen) + " out of range");
    }
    byte[] keyBytes = new byte[keyLen];
    buf.get(keyBytes);
    int valueOffset = buf.position();
    int valueLen = buf.getInt();
    if (valueLen < 0 || valueLen != buf.remaining() - HASH_BYTES) {
      throw corrupted(
          file,
          valueOffset,
          "value length " + Integer.toUnsignedString(valueLen) + " does not match the file size");
    }
    byte[] value = new byte[valueLen];
    buf.get(value);
    int hashOffset = buf.position();
    if (!MessageDigest.isEqual(
        sha256(bytes, hashOffset), Arrays.copyOfRange(bytes, hashOffset, bytes.length))) {
      throw corrupted(file, hashOffset, "checksum mismatch");
    }
    String key;
    try {
      key = StrictUtf8.decode(keyBytes);
    } catch (CharacterCodingException e) {
      throw corrupted(file, 8, "key is not UTF-8");
    }
    if (!file.getFileName().toString().equals(hexName(key))) {
      throw corrupted(file, 8, "holds key '" + key + "', which belongs in another file");
    }
    return new Entry(key, value);
  }

  private Path fileOf(String key) {
    return directory.resolve(hexName(key));
  }

  private static String hexName(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(sha256(k, k.length)) + SUFFIX;
  }

  private static byte[] sha256(byte[] bytes, int len) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(bytes, 0, len);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private static KeyValueException corrupted(Path file, long offset, String what) {
    return KeyValueException.other(
        "corrupted key-value entry " + file + " at byte " + offset + ": " + what);
  }

  private static KeyValueException io(String op, Path file, IOException e) {
    return new KeyValueException(
        new KeyValueError.Other("storage failure"),
        "cannot " + op + " key-value entry " + file + ": " + e.getMessage(),
        e);
  }
}
