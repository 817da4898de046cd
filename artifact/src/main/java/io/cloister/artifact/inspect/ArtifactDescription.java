package io.cloister.artifact.inspect;

import io.cloister.artifact.meta.FunctionItem;
import java.util.List;

/**
 * What {@code cloister inspect} shows of an upload; its record components are its JSON fields.
 *
 * @param format {@code component} or {@code cwasm}
 * @param formatVersion the {@code .cwasm} format version; 0 for a raw component
 * @param engine the engine a {@code .cwasm} was compiled for; null for a raw component
 * @param codeHash SHA-256 of the file, hex: the code hash an enclave's certificate carries
 * @param componentHash SHA-256 of the component's bytes, hex (equal to codeHash for a raw component)
 * @param fileSize the file's length in bytes
 * @param componentSize the component's length in bytes
 * @param metadataMatches whether a {@code .cwasm}'s metadata sections equal what its component
 *     derives (the imports and exports shown are always the derived ones)
 * @param precompiledClasses how many precompiled classes a {@code .cwasm} carries
 * @param imports the imported functions
 * @param exports the exported functions
 * @param sections a {@code .cwasm}'s sections in file order; empty for a raw component
 */
public record ArtifactDescription(
    String format,
    int formatVersion,
    String engine,
    String codeHash,
    String componentHash,
    long fileSize,
    long componentSize,
    boolean metadataMatches,
    int precompiledClasses,
    List<FunctionItem> imports,
    List<FunctionItem> exports,
    List<Section> sections) {

  public ArtifactDescription {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
    sections = List.copyOf(sections);
  }

  /** One section: its name, where its payload starts and how long it is. */
  public record Section(String name, long offset, long size) {}
}
