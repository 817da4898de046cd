package io.cloister.component.wit;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses WIT text into a canonical form that ignores whitespace, comments and the order of
 * declarations, so that two WIT documents declaring the same items compare equal.
 *
 * <p>A document is a list of items; an item is its header tokens plus, for {@code package}, {@code
 * world}, {@code interface} and {@code resource} blocks, a set of child items. Inside those blocks
 * the order of items does not matter; everything else (parameter order, record fields, variant
 * cases, enum and flags labels, type arguments) is kept in order because it is meaningful. The
 * canonical form is an indented text with each block's children sorted, so a failing comparison
 * shows a readable diff.
 */
final class WitNormalizer {
  private final List<String> tokens;
  private int pos;

  private WitNormalizer(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The canonical form of a WIT document. */
  static String canonical(String wit) {
    WitNormalizer parser = new WitNormalizer(tokenize(wit));
    List<Item> items = parser.items(false);
    StringBuilder out = new StringBuilder();
    for (String s : sorted(items, "")) {
      out.append(s);
    }
    return out.toString();
  }

  /** One declaration: its header and, for set-like blocks, its children. */
  private record Item(String header, List<Item> children) {}

  private List<Item> items(boolean nested) {
    List<Item> items = new ArrayList<>();
    while (pos < tokens.size()) {
      if (tokens.get(pos).equals("}")) {
        if (!nested) {
          throw new IllegalArgumentException("unbalanced '}' at token " + pos);
        }
        pos++;
        return items;
      }
      items.add(item());
    }
    if (nested) {
      throw new IllegalArgumentException("missing '}' at end of input");
    }
    return items;
  }

  private Item item() {
    List<String> header = new ArrayList<>();
    while (pos < tokens.size()) {
      String t = tokens.get(pos++);
      if (t.equals(";")) {
        return new Item(String.join(" ", header), null);
      }
      if (t.equals("{")) {
        if (isSetBlock(header)) {
          List<Item> children = items(true);
          skipOptionalSemicolon();
          return new Item(String.join(" ", header), children);
        }
        header.add("{");
        header.addAll(balancedTokens());
        skipOptionalSemicolon();
        return new Item(String.join(" ", header), null);
      }
      header.add(t);
    }
    throw new IllegalArgumentException("item without ';' or block at end of input: " + header);
  }

  /** Tokens up to and including the '}' that closes an already-consumed '{', minus trailing commas. */
  private List<String> balancedTokens() {
    List<String> out = new ArrayList<>();
    int depth = 1;
    while (pos < tokens.size()) {
      String t = tokens.get(pos++);
      if (t.equals("{")) {
        depth++;
      } else if (t.equals("}")) {
        depth--;
        if (!out.isEmpty() && out.get(out.size() - 1).equals(",")) {
          out.remove(out.size() - 1);
        }
      }
      out.add(t);
      if (depth == 0) {
        return out;
      }
    }
    throw new IllegalArgumentException("unbalanced '{' at end of input");
  }

  private void skipOptionalSemicolon() {
    if (pos < tokens.size() && tokens.get(pos).equals(";")) {
      pos++;
    }
  }

  private static boolean isSetBlock(List<String> header) {
    if (header.isEmpty()) {
      return false;
    }
    String first = header.get(0);
    String last = header.get(header.size() - 1);
    return first.equals("package")
        || first.equals("world")
        || first.equals("interface")
        || first.equals("resource")
        || last.equals("interface");
  }

  private static List<String> sorted(List<Item> items, String indent) {
    List<String> rendered = new ArrayList<>();
    for (Item item : items) {
      StringBuilder sb = new StringBuilder(indent).append(item.header());
      if (item.children() == null) {
        sb.append(";\n");
      } else {
        sb.append(" {\n");
        for (String child : sorted(item.children(), indent + "  ")) {
          sb.append(child);
        }
        sb.append(indent).append("}\n");
      }
      rendered.add(sb.toString());
    }
    rendered.sort(null);
    return rendered;
  }

  static List<String> tokenize(String wit) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = wit.length();
    while (i < n) {
      char c = wit.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && wit.charAt(i + 1) == '/') {
        while (i < n && wit.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && wit.charAt(i + 1) == '*') {
        int end = wit.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '-' && i + 1 < n && wit.charAt(i + 1) == '>') {
        out.add("->");
        i += 2;
      } else if (Character.isDigit(c)) {
        // A version (0.2.0, 1.0.0-rc.1+build) or a number: one token.
        int start = i;
        while (i < n && (Character.isLetterOrDigit(wit.charAt(i)) || "._-+".indexOf(wit.charAt(i)) >= 0)) {
          i++;
        }
        out.add(wit.substring(start, i));
      } else if (Character.isLetter(c) || c == '%' || c == '_') {
        int start = i;
        i++;
        while (i < n && (Character.isLetterOrDigit(wit.charAt(i)) || wit.charAt(i) == '-' || wit.charAt(i) == '_')) {
          i++;
        }
        out.add(wit.substring(start, i));
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }
}
