package io.cloister.component.binary;

import java.util.List;
import java.util.Map;

/**
 * A decoded component binary, not yet validated: its definitions in order, its custom sections and
 * the names from its {@code component-name} section.
 */
public record ComponentAst(
    List<Definition> definitions,
    List<Integer> offsets,
    List<CustomSection> customSections,
    ComponentNames names) {
  public ComponentAst {
    definitions = List.copyOf(definitions);
    offsets = List.copyOf(offsets);
    customSections = List.copyOf(customSections);
    if (offsets.size() != definitions.size()) {
      throw new IllegalArgumentException("one offset per definition");
    }
  }

  /** The byte offset at which definition {@code i} starts. */
  public int offsetOf(int i) {
    return offsets.get(i);
  }

  /** A custom section: its name and the byte range of its payload. */
  public record CustomSection(String name, int offset, int length) {}

  /** The {@code component-name} section: the component's own name and names per sort and index. */
  public record ComponentNames(String componentName, Map<Sort, Map<Integer, String>> sortNames) {
    public ComponentNames {
      sortNames = Map.copyOf(sortNames);
    }

    /** No names. */
    public static ComponentNames empty() {
      return new ComponentNames(null, Map.of());
    }

    /** The name given to item {@code index} of {@code sort}, or null. */
    public String nameOf(Sort sort, int index) {
      Map<Integer, String> m = sortNames.get(sort);
      return m == null ? null : m.get(index);
    }
  }
}
