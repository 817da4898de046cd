package io.cloister.bindgen.java;

import io.cloister.bindgen.wit.PackageName;
import java.util.Locale;
import java.util.Set;

/** Java spellings of WIT names: kebab-case words to camel case, snake case and package names. */
public final class JavaNames {
  private JavaNames() {}

  /**
   * Java's reserved words and literals, and the methods of Object (which records cannot shadow).
   */
  private static final Set<String> RESERVED =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "yield",
          "record",
          "sealed",
          "permits",
          "_",
          "clone",
          "equals",
          "finalize",
          "getClass",
          "hashCode",
          "notify",
          "notifyAll",
          "toString",
          "wait");

  private static String[] words(String kebab) {
    return kebab.split("-");
  }

  private static String capitalized(String word) {
    return word.isEmpty()
        ? word
        : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code input-stream} → {@code InputStream}; {@code HTTP-request-denied} → {@code
   * HttpRequestDenied}.
   */
  public static String upperCamel(String kebab) {
    StringBuilder b = new StringBuilder();
    for (String w : words(kebab)) {
      b.append(capitalized(w));
    }
    return b.toString();
  }

  /** {@code input-stream} → {@code inputStream}, with a trailing '_' for Java keywords. */
  public static String lowerCamel(String kebab) {
    String[] ws = words(kebab);
    StringBuilder b = new StringBuilder(ws[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < ws.length; i++) {
      b.append(capitalized(ws[i]));
    }
    return identifier(b.toString());
  }

  /** {@code access-denied} → {@code ACCESS_DENIED}. */
  public static String upperSnake(String kebab) {
    return kebab.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code name}, or {@code name_} if it is reserved in Java or names a method of Object. */
  public static String identifier(String name) {
    return RESERVED.contains(name) ? name + "_" : name;
  }

  /**
   * The Java package of a WIT package: {@code base.namespace.name}, each kebab name's words joined
   * lower-case, plus a segment for a prerelease version suffix ({@code 0.2.0-draft2} → {@code
   * draft2}).
   */
  public static String javaPackage(String basePackage, PackageName pkg) {
    StringBuilder b = new StringBuilder(basePackage);
    b.append('.').append(segment(pkg.namespace()));
    for (String part : pkg.name().split(":")) {
      b.append('.').append(segment(part));
    }
    pkg.version()
        .ifPresent(
            v -> {
              int dash = v.indexOf('-');
              if (dash >= 0) {
                String pre = v.substring(dash + 1);
                int plus = pre.indexOf('+');
                pre = plus >= 0 ? pre.substring(0, plus) : pre;
                String s = pre.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if (!s.isEmpty()) {
                  b.append('.').append(Character.isDigit(s.charAt(0)) ? "v" + s : identifier(s));
                }
              }
            });
    return b.toString();
  }

  private static String segment(String kebab) {
    return identifier(kebab.toLowerCase(Locale.ROOT).replace("-", ""));
  }
}
