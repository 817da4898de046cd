package io.cloister.enclave.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret the enclave keeps in its data directory: random bytes, base64url, in a file only its
 * owner may read (made so; refused at start if others can read it).
 *
 * @param value the secret's text
 * @param created whether this call made it
 */
public record SecretFile(Path file, String value, boolean created) {

  /** Reads the secret in {@code file}, or makes one of {@code bytes} random bytes. */
  public static SecretFile readOrCreate(Path file, int bytes) throws IOException {
    boolean created = false;
    if (!Files.exists(file)) {
      byte[] raw = new byte[bytes];
      new SecureRandom().nextBytes(raw);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      try {
        Files.createFile(
            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        created = true;
      } catch (FileAlreadyExistsException raced) {
        // another process made it first: read theirs
      }
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
      throw new IOException(
          file + " is readable by others (" + PosixFilePermissions.toString(perms)
              + "): chmod 600 it, or delete it to make a new one");
    }
    String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (value.length() < 32) {
      throw new IOException(file + " holds no secret of at least 32 characters");
    }
    return new SecretFile(file, value, created);
  }
}
