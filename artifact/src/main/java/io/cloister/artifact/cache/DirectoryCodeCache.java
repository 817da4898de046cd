package io.cloister.artifact.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A {@link CompiledCodeCache} in a directory of the enclave's data directory: {@code
 * ROOT/<sha256(engine id)>/<component hash>/<sha256(entry)>}, each file written whole and moved
 * into place, so a crash leaves an entry or none, never half of one. Hashed names keep engine ids
 * and entry names (Chicory's are base64) out of the file system's syntax.
 *
 * <p>It trusts the directory as the enclave trusts its data directory: until sealed storage lands
 * it must not live on storage the host can write (docs/artifact.md).
 */
public final class DirectoryCodeCache implements CompiledCodeCache {
  /** 64 MiB: over ten times the 4.5 MB of the JavaScript app's classes. */
  public static final long DEFAULT_MAX_ENTRY_BYTES = 64L << 20;

  private final Path root;
  private final long maxEntryBytes;

  /**
   * @param root the cache's directory, created on first write
   * @param maxEntryBytes entries longer than this are misses
   */
  public DirectoryCodeCache(Path root, long maxEntryBytes) {
    this.root = root;
    this.maxEntryBytes = maxEntryBytes;
  }

  /** A cache under {@code root} with {@link #DEFAULT_MAX_ENTRY_BYTES}. */
  public DirectoryCodeCache(Path root) {
    this(root, DEFAULT_MAX_ENTRY_BYTES);
  }

  @Override
  public Optional<byte[]> get(CacheKey key, String entry) throws IOException {
    Path file = file(key, entry);
    try {
      if (Files.size(file) > maxEntryBytes) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void putIfAbsent(CacheKey key, String entry, byte[] bytes) throws IOException {
    Path file = file(key, entry);
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".entry-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // another compilation of the same code got there first: its entry is as good
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path file(CacheKey key, String entry) {
    return root.resolve(sha256(key.engineId()))
        .resolve(key.componentHash().hex())
        .resolve(sha256(entry));
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
