package io.cloister.artifact;

import io.cloister.artifact.format.CwasmReader;
import io.cloister.artifact.format.ParsedCwasm;
import io.cloister.artifact.format.PrecompiledClasses;
import io.cloister.artifact.format.ReadLimits;
import io.cloister.artifact.format.SectionId;
import io.cloister.artifact.meta.Metadata;
import io.cloister.artifact.meta.MetadataExtractor;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.ValidatedComponent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An upload, read and checked: its kind, its code hash (SHA-256 of the file as deployed), the
 * component's bytes and the metadata derived from them (never a container's copy). {@link #componentBytes()} is all an
 * enclave compiles from; {@link #precompiled()} is an upload's claim, never code to define.
 *
 * @param kind a raw component or a Cloister {@code .cwasm}
 * @param codeHash SHA-256 of the whole file as deployed
 * @param componentBytes the component binary (the whole file for a raw component)
 * @param metadata the WIT and functions, derived from the component (a container's copy agreed)
 * @param engineId the engine a {@code .cwasm} was compiled for; empty for a raw component
 * @param precompiled the classes a {@code .cwasm} carries; {@link PrecompiledClasses#NONE} if none
 * @param metadataMatches whether a {@code .cwasm}'s own metadata sections equal what its component
 *     derives (true for a raw component); a mismatch is a file written by another version of
 *     Cloister, or altered, and is reported, not used
 */
public record Artifact(
    ArtifactKind kind,
    CodeHash codeHash,
    byte[] componentBytes,
    Metadata metadata,
    Optional<String> engineId,
    PrecompiledClasses precompiled,
    boolean metadataMatches) {

  public Artifact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(precompiled, "precompiled");
    componentBytes = componentBytes.clone();
  }

  @Override
  public byte[] componentBytes() {
    return componentBytes.clone();
  }

  /** SHA-256 of the component's bytes: what compiled code is keyed by, whatever wrapped them. */
  public CodeHash componentHash() {
    return CodeHash.of(componentBytes);
  }

  /** Reads a file of at most {@link ReadLimits#DEFAULT}'s size. */
  public static Artifact read(Path file) throws IOException, ArtifactException {
    long size = Files.size(file);
    if (size > ReadLimits.DEFAULT.maxFileBytes()) {
      throw tooLarge(ReadLimits.DEFAULT.maxFileBytes(), size + " bytes");
    }
    return read(Files.readAllBytes(file), ReadLimits.DEFAULT);
  }

  /** Reads at most {@code maxBytes} from {@code in} (an upload's body), refusing a longer one. */
  public static Artifact read(InputStream in, long maxBytes) throws IOException, ArtifactException {
    ReadLimits limits = new ReadLimits(maxBytes, ReadLimits.DEFAULT.maxEntries());
    // one byte past the cap tells a file of exactly maxBytes from a longer one, without reading on
    byte[] bytes = in.readNBytes((int) maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw tooLarge(maxBytes, "more");
    }
    return read(bytes, limits);
  }

  /** Reads a file's bytes under {@link ReadLimits#DEFAULT}. */
  public static Artifact read(byte[] file) throws ArtifactException {
    return read(file, ReadLimits.DEFAULT);
  }

  /** Reads a file's bytes under the given limits. */
  public static Artifact read(byte[] file, ReadLimits limits) throws ArtifactException {
    if (file.length > limits.maxFileBytes()) {
      throw tooLarge(limits.maxFileBytes(), file.length + " bytes");
    }
    CodeHash hash = CodeHash.of(file);
    return switch (InputDetector.detect(file)) {
      case COMPONENT ->
          new Artifact(
              ArtifactKind.COMPONENT,
              hash,
              file,
              metadataOf(file, 0),
              Optional.empty(),
              PrecompiledClasses.NONE,
              true);
      case CWASM -> fromCwasm(file, hash, limits);
    };
  }

  private static Artifact fromCwasm(byte[] file, CodeHash hash, ReadLimits limits)
      throws ArtifactException {
    ParsedCwasm parsed = CwasmReader.read(file, limits);
    byte[] component = parsed.content().component();
    long componentAt = parsed.section(SectionId.COMPONENT).orElseThrow().offset();
    Metadata derived = metadataOf(component, componentAt);
    // the metadata is derived, never taken from the container: a WIT printer of another version
    // must not make stored artifacts unreadable, and an altered copy must not be shown as true
    boolean matches = derived.equals(parsed.content().metadata());
    return new Artifact(
        ArtifactKind.CWASM,
        hash,
        component,
        derived,
        Optional.of(parsed.content().engineId()),
        parsed.content().classes(),
        matches);
  }

  /** Validates the component at offset {@code at} of the file and derives its metadata. */
  private static Metadata metadataOf(byte[] component, long at) throws ArtifactFormatException {
    try {
      return MetadataExtractor.of(ValidatedComponent.of(component));
    } catch (ComponentDecodeException e) {
      throw new ArtifactFormatException(at + e.offset(), "a valid component: " + e.rule());
    } catch (RuntimeException e) {
      // the decoder's contract is ComponentDecodeException; fail closed if it or the WIT printer
      // ever breaks it on hostile bytes
      throw new ArtifactFormatException(at, "a valid component: " + e);
    }
  }

  private static ArtifactFormatException tooLarge(long max, String actual) {
    return new ArtifactFormatException(max, "a file of at most " + max + " bytes, not " + actual);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Artifact a
        && kind == a.kind
        && codeHash.equals(a.codeHash)
        && Arrays.equals(componentBytes, a.componentBytes)
        && metadata.equals(a.metadata)
        && engineId.equals(a.engineId)
        && precompiled.equals(a.precompiled)
        && metadataMatches == a.metadataMatches;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, codeHash, Arrays.hashCode(componentBytes), metadata, engineId, precompiled, metadataMatches);
  }

  @Override
  public String toString() {
    return "Artifact[" + kind + ", " + codeHash.hex() + ", component of " + componentBytes.length + " bytes]";
  }
}
