package io.cloister.bindgen.wit;

/** A position in a WIT file, for diagnostics: the file and a 1-based line and column. */
public record Pos(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
