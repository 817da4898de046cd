package io.cloister.artifact.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The classes generated for one core module (by its index in the component), sorted by name. */
public record ModuleClasses(int moduleIndex, List<ClassFile> classes) {
  public ModuleClasses {
    if (moduleIndex < 0) {
      throw new IllegalArgumentException("module index must not be negative");
    }
    List<ClassFile> sorted = new ArrayList<>(classes);
    sorted.sort(Comparator.comparing(ClassFile::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("class " + sorted.get(i).name() + " given twice");
      }
    }
    classes = List.copyOf(sorted);
  }
}
