package io.cloister.attestation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared attestation fixtures (see fixtures/README.md). */
public final class Fixtures {
  private Fixtures() {}

  /** Path of a file in {@code fixtures/attestation}. */
  public static Path path(String name) {
    String shared = System.getProperty("cloister.shared.dir", "../../shared");
    return Path.of(shared, "fixtures", "attestation", name);
  }

  /** Bytes of a file in {@code fixtures/attestation}. */
  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
