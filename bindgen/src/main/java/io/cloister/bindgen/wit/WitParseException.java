package io.cloister.bindgen.wit;

/** A WIT file is malformed: where, and what the parser expected there. */
public final class WitParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  /** A problem at {@code line}:{@code column} (both 1-based) of {@code file}. */
  public WitParseException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The file, as given to the parser. */
  public String file() {
    return file;
  }

  /** The 1-based line. */
  public int line() {
    return line;
  }

  /** The 1-based column. */
  public int column() {
    return column;
  }

  /** What was wrong, without the position. */
  public String problem() {
    return problem;
  }
}
