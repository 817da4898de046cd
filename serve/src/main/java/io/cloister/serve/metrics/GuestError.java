package io.cloister.serve.metrics;

import java.util.Locale;

/** Why a guest failed a request: the {@code kind} tag of {@code cloister_guest_errors_total}. */
public enum GuestError {
  /** The guest trapped (or never set a response). */
  TRAP,
  /** The guest missed its answer or exchange deadline. */
  DEADLINE,
  /** No instance could be made for the request. */
  INSTANTIATION;

  /** The tag value: the name in lower case. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
