package io.cloister.artifact.format;

/** Where one section's payload lies in a {@code .cwasm}: its offset and length in bytes. */
public record SectionInfo(SectionId id, long offset, long length) {}
