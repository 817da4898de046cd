package io.cloister.artifact.format;

import java.util.List;

/** A read {@code .cwasm}: its content and its section table, in file order. */
public record ParsedCwasm(Cwasm content, List<SectionInfo> sections) {
  public ParsedCwasm {
    sections = List.copyOf(sections);
  }
}
