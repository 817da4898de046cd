package io.cloister.bindgen.wit;

/** The kinds of WIT tokens. */
public enum TokenKind {
  /** An identifier or keyword ({@code %}-escaped identifiers are never keywords). */
  ID("identifier"),
  /** A semantic version such as {@code 0.2.0-draft2}: any token that starts with a digit. */
  VERSION("version"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  LPAREN("'('"),
  RPAREN("')'"),
  LT("'<'"),
  GT("'>'"),
  COMMA("','"),
  SEMI("';'"),
  COLON("':'"),
  EQ("'='"),
  DOT("'.'"),
  SLASH("'/'"),
  AT("'@'"),
  ARROW("'->'"),
  STAR("'*'"),
  UNDERSCORE("'_'"),
  EOF("end of file");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How error messages name this kind. */
  public String description() {
    return description;
  }
}
