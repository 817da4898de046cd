package io.cloister.component.binary;

import java.util.regex.Pattern;

/** The lexical rules for labels and import/export names of the Component Model. */
public final class Names {
  private static final String WORD = "(?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]*)";
  private static final String LABEL = "%?" + WORD + "(?:-" + WORD + ")*";
  private static final Pattern LABEL_P = Pattern.compile(LABEL);
  private static final Pattern PLAIN =
      Pattern.compile(
          "(?:\\[(?:constructor|method|static|async|async method|async static)\\])?"
              + LABEL
              + "(?:\\."
              + LABEL
              + ")?");
  private static final Pattern INTERFACE =
      Pattern.compile("(?:" + LABEL + ":)+" + LABEL + "(?:/" + LABEL + ")+(?:@[0-9A-Za-z.+-]+)?");
  private static final Pattern DEPENDENCY =
      Pattern.compile("(?:url|integrity|locked-dep|unlocked-dep)=<[^>]*>(?:,.*)?");

  private Names() {}

  /** Whether {@code s} is a kebab-case label ({@code my-label}, {@code %keyword}). */
  public static boolean isLabel(String s) {
    return LABEL_P.matcher(s).matches();
  }

  /** Whether {@code s} is a valid import or export name: plain, interface or dependency name. */
  public static boolean isExternName(String s) {
    return PLAIN.matcher(s).matches()
        || INTERFACE.matcher(s).matches()
        || DEPENDENCY.matcher(s).matches();
  }

  /** The name without any {@code %} escape, for comparing names. */
  public static String unescape(String s) {
    return s.startsWith("%") ? s.substring(1) : s;
  }
}
