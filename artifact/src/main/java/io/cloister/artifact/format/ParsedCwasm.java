package io.cloister.artifact.format;

import java.util.List;
import java.util.Optional;

/** A read {@code .cwasm}: its content and its section table, in file order. */
public record ParsedCwasm(Cwasm content, List<SectionInfo> sections) {
  public ParsedCwasm {
    sections = List.copyOf(sections);
  }

  /** Where section {@code id} is, if the file has it. */
  public Optional<SectionInfo> section(SectionId id) {
    return sections.stream().filter(s -> s.id() == id).findFirst();
  }
}
