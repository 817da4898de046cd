package io.cloister.artifact.format;

import java.util.Optional;

/** The sections of a {@code .cwasm}, in the one order they appear in (docs/artifact.md). */
public enum SectionId {
  /** The engine the file was compiled for: its name, version and compiler options (UTF-8). */
  ENGINE(1, "engine", true),
  /** The component's bytes, exactly as uploaded to {@code cloister compile}. */
  COMPONENT(2, "component", true),
  /** The component's WIT document (UTF-8). */
  WIT(3, "wit", true),
  /** The imported functions: name and WIT signature. */
  IMPORTS(4, "imports", true),
  /** The exported functions: name and WIT signature. */
  EXPORTS(5, "exports", true),
  /** Optional: JVM classes the engine generated per core module (absent from what compile writes now). */
  CLASSES(6, "classes", false);

  private final int code;
  private final String label;
  private final boolean required;

  SectionId(int code, String label, boolean required) {
    this.code = code;
    this.label = label;
    this.required = required;
  }

  /** The section's id byte. */
  public int code() {
    return code;
  }

  /** Its lower-case name, as {@code cloister inspect} shows it. */
  public String label() {
    return label;
  }

  /** Whether every {@code .cwasm} of this format version has it. */
  public boolean required() {
    return required;
  }

  /** The section with id byte {@code code}, if this format version knows it. */
  public static Optional<SectionId> of(int code) {
    for (SectionId s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
