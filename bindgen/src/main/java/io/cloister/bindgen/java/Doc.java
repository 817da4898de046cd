package io.cloister.bindgen.java;

import java.util.ArrayList;
import java.util.List;

/** Javadoc text from WIT doc comments: HTML and Javadoc syntax escaped, paragraphs kept. */
final class Doc {
  private Doc() {}

  /** {@code text} safe inside a Javadoc comment, as lines (blank lines become {@code <p>}). */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    boolean paragraph = false;
    for (String raw : text.strip().split("\n", -1)) {
      String line = escape(raw.strip());
      if (line.isEmpty()) {
        paragraph = !out.isEmpty();
        continue;
      }
      if (paragraph) {
        out.add("");
        line = "<p>" + line;
        paragraph = false;
      }
      out.add(line);
    }
    return out;
  }

  /** Escapes HTML, inline-tag and comment-closing characters. */
  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("*/", "*&#47;")
        .replace("\\u", "\\&#117;");
  }

  /** WIT source for {@code {@code ...}}: only a comment end or unicode escape needs care there. */
  static String code(String wit) {
    return wit.replace("*/", "*&#47;").replace("\\u", "\\&#117;");
  }

  /** Writes a Javadoc comment of {@code paragraphs} (each a list of lines) at {@code indent}. */
  static void write(Src src, List<List<String>> paragraphs) {
    List<String> all = new ArrayList<>();
    for (List<String> p : paragraphs) {
      if (p.isEmpty()) {
        continue;
      }
      if (!all.isEmpty()) {
        all.add("");
        all.add(
            p.get(0).startsWith("<p>") || p.get(0).startsWith("@") ? p.get(0) : "<p>" + p.get(0));
        all.addAll(p.subList(1, p.size()));
      } else {
        all.addAll(p);
      }
    }
    if (all.size() == 1 && all.get(0).length() < 80) {
      src.line("/** " + all.get(0) + " */");
      return;
    }
    src.line("/**");
    for (String l : all) {
      src.line(l.isEmpty() ? " *" : " * " + l);
    }
    src.line(" */");
  }
}
