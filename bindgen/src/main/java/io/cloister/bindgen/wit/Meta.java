package io.cloister.bindgen.wit;

import java.util.List;

/**
 * What every WIT item carries besides its content.
 *
 * @param doc the item's doc comment, or the empty string
 * @param gates its feature gates, in source order
 * @param pos where it starts (its name, for named items)
 */
public record Meta(String doc, List<Gate> gates, Pos pos) {
  public Meta {
    doc = doc == null ? "" : doc;
    gates = List.copyOf(gates);
  }

  /** The feature of an {@code @unstable} gate, or null if the item is not unstable. */
  public String unstableFeature() {
    for (Gate g : gates) {
      if (g.kind() == Gate.Kind.UNSTABLE) {
        return g.value();
      }
    }
    return null;
  }
}
