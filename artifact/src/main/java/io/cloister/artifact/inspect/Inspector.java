package io.cloister.artifact.inspect;

import io.cloister.artifact.Artifact;
import io.cloister.artifact.ArtifactException;
import io.cloister.artifact.ArtifactKind;
import io.cloister.artifact.format.CwasmFormat;
import io.cloister.artifact.format.CwasmReader;
import io.cloister.artifact.format.ReadLimits;
import java.util.List;

/** Describes an upload: reads and checks it as an enclave would, then reports what it found. */
public final class Inspector {
  private Inspector() {}

  /** The description of a file's bytes (a component or a {@code .cwasm}). */
  public static ArtifactDescription describe(byte[] file) throws ArtifactException {
    Artifact artifact = Artifact.read(file, ReadLimits.DEFAULT);
    boolean cwasm = artifact.kind() == ArtifactKind.CWASM;
    List<ArtifactDescription.Section> sections =
        cwasm
            ? CwasmReader.read(file, ReadLimits.DEFAULT).sections().stream()
                .map(s -> new ArtifactDescription.Section(s.id().label(), s.offset(), s.length()))
                .toList()
            : List.of();
    return new ArtifactDescription(
        cwasm ? "cwasm" : "component",
        cwasm ? CwasmFormat.VERSION : 0,
        artifact.engineId().orElse(null),
        artifact.codeHash().hex(),
        artifact.componentHash().hex(),
        file.length,
        artifact.componentBytes().length,
        artifact.metadataMatches(),
        artifact.precompiled().modules().stream().mapToInt(m -> m.classes().size()).sum(),
        artifact.metadata().imports(),
        artifact.metadata().exports(),
        sections);
  }
}
