package io.cloister.artifact.compile;

import io.cloister.artifact.Artifact;
import io.cloister.artifact.ArtifactException;
import io.cloister.artifact.format.Cwasm;
import io.cloister.artifact.format.CwasmWriter;
import io.cloister.artifact.format.PrecompiledClasses;

/**
 * Ahead-of-time compile: a component (or a {@code .cwasm}, whose component is taken) into a
 * {@code .cwasm} for {@link EngineId#CHICORY}. Byte-identical output for the same input.
 *
 * <p>The classes section stays empty: Chicory generates its classes inside {@code ChicoryEngine},
 * which offers no door to them yet (docs/artifact.md, "Precompiled classes").
 */
public final class ArtifactCompiler {
  private ArtifactCompiler() {}

  /** The {@code .cwasm} of an upload's component. */
  public static byte[] compile(Artifact input) {
    return CwasmWriter.write(
        new Cwasm(EngineId.CHICORY.text(), input.componentBytes(), input.metadata(), PrecompiledClasses.NONE));
  }

  /** Reads {@code bytes} (a component or a {@code .cwasm}) and compiles it. */
  public static byte[] compile(byte[] bytes) throws ArtifactException {
    return compile(Artifact.read(bytes));
  }
}
