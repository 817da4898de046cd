package io.cloister.artifact.compile;

import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM of its own for {@link DeterminismTest}: compiles {@code args[0]} into {@code args[1]}. */
public final class CompileOnce {
  private CompileOnce() {}

  public static void main(String[] args) throws Exception {
    Files.write(Path.of(args[1]), ArtifactCompiler.compile(Files.readAllBytes(Path.of(args[0]))));
  }
}
