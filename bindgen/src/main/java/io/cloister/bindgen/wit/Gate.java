package io.cloister.bindgen.wit;

/**
 * A feature gate on a WIT item: {@code @since(version = v)}, {@code @unstable(feature = f)},
 * {@code @deprecated(version = v)}.
 */
public record Gate(Kind kind, String value) {

  /** Which gate. */
  public enum Kind {
    SINCE,
    UNSTABLE,
    DEPRECATED
  }
}
