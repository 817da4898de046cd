package io.cloister.artifact.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The optional classes section: an upload's claim of what the engine generates for its core
 * modules, kept sorted so each content has one encoding. The enclave never defines these; it may
 * compare them byte for byte with its own compilation (docs/artifact.md).
 */
public record PrecompiledClasses(List<ModuleClasses> modules) {
  /** No classes: the section is left out. */
  public static final PrecompiledClasses NONE = new PrecompiledClasses(List.of());

  public PrecompiledClasses {
    List<ModuleClasses> sorted = new ArrayList<>(modules);
    sorted.sort(Comparator.comparingInt(ModuleClasses::moduleIndex));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).moduleIndex() == sorted.get(i - 1).moduleIndex()) {
        throw new IllegalArgumentException("module " + sorted.get(i).moduleIndex() + " given twice");
      }
    }
    modules = List.copyOf(sorted);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return modules.isEmpty();
  }
}
