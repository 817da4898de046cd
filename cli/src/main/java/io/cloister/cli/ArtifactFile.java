package io.cloister.cli;

import io.cloister.artifact.format.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an upload's bytes for {@code compile} and {@code inspect}, refusing one over the cap. */
final class ArtifactFile {
  private ArtifactFile() {}

  /** Why a file could not be read, in one line. */
  static final class UnreadableException extends Exception {
    UnreadableException(String why) {
      super(why);
    }
  }

  static byte[] read(Path file) throws UnreadableException {
    try {
      long size = Files.size(file);
      if (size > ReadLimits.DEFAULT.maxFileBytes()) {
        throw new UnreadableException(
            "too large: " + size + " bytes, at most " + ReadLimits.DEFAULT.maxFileBytes());
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableException("no such file");
    } catch (IOException e) {
      throw new UnreadableException("cannot read: " + e.getMessage());
    }
  }
}
