package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.Model;
import io.cloister.bindgen.model.WitPackage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Generates Java host bindings for every interface of a model: per interface the host interface
 * {@code X}, its glue {@code XLink} and its deny-by-default {@code XDenied}; plus classes for tuple
 * sizes the runtime lacks. Output is deterministic: the same model gives the same files.
 */
public final class JavaGenerator {
  private JavaGenerator() {}

  /** The files for {@code model}, sorted by path, with packages under {@code basePackage}. */
  public static List<JavaFile> generate(Model model, String basePackage)
      throws GenerationException {
    if (!basePackage.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
      throw new GenerationException("basePackage '" + basePackage + "' is not a Java package name");
    }
    Layout layout = new Layout(model, basePackage);
    List<JavaFile> out = new ArrayList<>();
    for (WitPackage p : model.packages()) {
      for (Interface i : p.interfaces()) {
        out.add(new InterfaceWriter(layout, i).write());
        out.add(new LinkWriter(layout, i).write());
        out.add(new DeniedWriter(layout, i).write());
      }
    }
    for (int n : layout.extraTuples()) {
      out.add(tuple(layout, n));
    }
    out.sort(Comparator.comparing(JavaFile::path));
    return out;
  }

  /**
   * A record for tuples of {@code n} elements, like the runtime's {@code Tuple2} to {@code Tuple6}.
   */
  private static JavaFile tuple(Layout layout, int n) {
    List<String> vars = new ArrayList<>();
    List<String> components = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String v = n <= 26 ? String.valueOf((char) ('A' + i)) : "T" + i;
      vars.add(v);
      components.add(v + " v" + i);
    }
    Src src = new Src();
    src.line(
        "/** A WIT {@code tuple} of "
            + n
            + " element"
            + (n == 1 ? "" : "s")
            + " (the runtime's tuple classes cover 2 to 6). */");
    Units.header(
        src, "public record Tuple" + n + "<" + String.join(", ", vars) + ">", components, " {}");
    String base = layout.basePackage();
    return Units.file(base, "Tuple" + n, "tuple types", new Imports(base, Set.of()), src);
  }
}
