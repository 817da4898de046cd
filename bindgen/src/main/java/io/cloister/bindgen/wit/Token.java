package io.cloister.bindgen.wit;

/**
 * A WIT token.
 *
 * @param text the identifier without its {@code %}, the version, or the symbol
 * @param escaped whether an identifier was written with {@code %} (so it is never a keyword)
 * @param doc the {@code ///} or {@code /** *}{@code /} doc comments just before the token, or null
 */
public record Token(TokenKind kind, String text, boolean escaped, Pos pos, String doc) {

  /** Whether this is the unescaped keyword {@code word}. */
  public boolean isKeyword(String word) {
    return kind == TokenKind.ID && !escaped && text.equals(word);
  }

  /** How error messages show this token. */
  public String describe() {
    return switch (kind) {
      case ID -> (escaped ? "identifier '%" : "'") + text + "'";
      case VERSION -> "version '" + text + "'";
      default -> kind.description();
    };
  }
}
