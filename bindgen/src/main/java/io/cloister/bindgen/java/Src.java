package io.cloister.bindgen.java;

/** A source text under construction, with two-space indentation. */
final class Src {
  private final StringBuilder text = new StringBuilder();
  private int depth;

  /** Appends a line at the current depth (an empty line has no indentation). */
  Src line(String line) {
    if (!line.isEmpty()) {
      text.append("  ".repeat(depth)).append(line);
    }
    text.append('\n');
    return this;
  }

  /** Appends a line and indents the lines after it. */
  Src open(String line) {
    line(line);
    depth++;
    return this;
  }

  /** Unindents and appends a line. */
  Src close(String line) {
    depth--;
    return line(line);
  }

  /** Indents the lines after this. */
  Src indent() {
    depth++;
    return this;
  }

  /** Unindents the lines after this. */
  Src dedent() {
    depth--;
    return this;
  }

  /** Appends each line of {@code block}, at the current depth plus its own indentation. */
  Src lines(String block) {
    for (String l : block.split("\n", -1)) {
      line(l);
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
