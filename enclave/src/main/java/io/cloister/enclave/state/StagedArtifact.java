package io.cloister.enclave.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An artifact received and hashed but not yet deployed: a file in the store's staging area, gone
 * when closed unless the store took it.
 *
 * @param file where its bytes are
 * @param codeHash SHA-256 of the bytes
 * @param size their number
 */
public record StagedArtifact(Path file, byte[] codeHash, long size) implements AutoCloseable {

  /** The bytes (artifacts are bounded by the enclave's upload limit). */
  public byte[] bytes() throws IOException {
    return Files.readAllBytes(file);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
