package io.cloister.bindgen.wit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits WIT text into {@link Token}s. Comments are dropped except doc comments ({@code ///} and
 * {@code /**}), which are attached to the token that follows them.
 */
public final class Lexer {
  private final String file;
  private final String src;
  private int at;
  private int line = 1;
  private int lineStart;
  private StringBuilder doc;

  private Lexer(String file, String src) {
    this.file = file;
    this.src = src;
  }

  /** All tokens of {@code src}, ending with one {@link TokenKind#EOF}. */
  public static List<Token> tokenize(String file, String src) throws WitParseException {
    Lexer lexer = new Lexer(file, src);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != TokenKind.EOF);
    return out;
  }

  private Pos pos() {
    return new Pos(file, line, at - lineStart + 1);
  }

  private WitParseException error(Pos p, String problem) {
    return new WitParseException(p.file(), p.line(), p.column(), problem);
  }

  private Token next() throws WitParseException {
    skipSpaceAndComments();
    Pos p = pos();
    String d = doc == null ? null : doc.toString().strip();
    doc = null;
    if (at >= src.length()) {
      return new Token(TokenKind.EOF, "", false, p, d);
    }
    char c = src.charAt(at);
    if (c == '%' || isIdentStart(c)) {
      boolean escaped = c == '%';
      if (escaped) {
        at++;
        if (at >= src.length() || !isIdentStart(src.charAt(at))) {
          throw error(p, "expected an identifier after '%'");
        }
      }
      return new Token(TokenKind.ID, identifier(p), escaped, p, d);
    }
    if (c >= '0' && c <= '9') {
      return new Token(TokenKind.VERSION, version(), false, p, d);
    }
    at++;
    TokenKind kind =
        switch (c) {
          case '{' -> TokenKind.LBRACE;
          case '}' -> TokenKind.RBRACE;
          case '(' -> TokenKind.LPAREN;
          case ')' -> TokenKind.RPAREN;
          case '<' -> TokenKind.LT;
          case '>' -> TokenKind.GT;
          case ',' -> TokenKind.COMMA;
          case ';' -> TokenKind.SEMI;
          case ':' -> TokenKind.COLON;
          case '=' -> TokenKind.EQ;
          case '.' -> TokenKind.DOT;
          case '/' -> TokenKind.SLASH;
          case '@' -> TokenKind.AT;
          case '*' -> TokenKind.STAR;
          case '_' -> TokenKind.UNDERSCORE;
          case '-' -> {
            if (at < src.length() && src.charAt(at) == '>') {
              at++;
              yield TokenKind.ARROW;
            }
            throw error(p, "unexpected '-' (expected '->')");
          }
          default -> throw error(p, "unexpected character " + describe(c));
        };
    return new Token(kind, String.valueOf(c), false, p, d);
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  /**
   * A kebab-case identifier: alphanumeric words joined by single '-', each starting with a letter.
   */
  private String identifier(Pos p) throws WitParseException {
    int start = at;
    while (true) {
      while (at < src.length() && isAlnum(src.charAt(at))) {
        at++;
      }
      // A '-' continues the identifier unless it starts '->'.
      if (at + 1 < src.length() && src.charAt(at) == '-' && src.charAt(at + 1) != '>') {
        if (!isIdentStart(src.charAt(at + 1))) {
          throw error(
              new Pos(file, line, at + 2 - lineStart),
              "each word of an identifier starts with a letter");
        }
        at++;
        continue;
      }
      return src.substring(start, at);
    }
  }

  /** A version: digits, letters, '.', '-' and '+', not ending in '.' (as in {@code @0.2.0.{x}}). */
  private String version() {
    int start = at;
    while (at < src.length()) {
      char c = src.charAt(at);
      if (isAlnum(c) || c == '-' || c == '+') {
        at++;
      } else if (c == '.' && at + 1 < src.length() && isAlnum(src.charAt(at + 1))) {
        at++;
      } else {
        break;
      }
    }
    return src.substring(start, at);
  }

  private void skipSpaceAndComments() throws WitParseException {
    while (at < src.length()) {
      char c = src.charAt(at);
      if (c == '\n') {
        at++;
        line++;
        lineStart = at;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        at++;
      } else if (src.startsWith("//", at)) {
        int end = src.indexOf('\n', at);
        end = end < 0 ? src.length() : end;
        if (src.startsWith("///", at) && !src.startsWith("////", at)) {
          addDoc(src.substring(at + 3, end));
        }
        at = end;
      } else if (src.startsWith("/*", at)) {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void blockComment() throws WitParseException {
    Pos start = pos();
    boolean isDoc = src.startsWith("/**", at) && !src.startsWith("/**/", at);
    int bodyStart = at + (isDoc ? 3 : 2);
    int depth = 0;
    while (at < src.length()) {
      if (src.startsWith("/*", at)) {
        depth++;
        at += 2;
      } else if (src.startsWith("*/", at)) {
        depth--;
        at += 2;
        if (depth == 0) {
          if (isDoc) {
            for (String l : src.substring(bodyStart, at - 2).split("\n", -1)) {
              String s = l.strip();
              addDoc(s.startsWith("*") ? s.substring(1) : s);
            }
          }
          return;
        }
      } else {
        if (src.charAt(at) == '\n') {
          line++;
          lineStart = at + 1;
        }
        at++;
      }
    }
    throw error(start, "unterminated block comment");
  }

  private void addDoc(String text) {
    if (doc == null) {
      doc = new StringBuilder();
    } else {
      doc.append('\n');
    }
    doc.append(text.startsWith(" ") ? text.substring(1) : text);
  }
}
