package io.cloister.enclave.protocol;

import java.util.Objects;

/**
 * An error answer as RFC 9457 problem details: a type URI (under {@value #TYPE_BASE}), a short
 * title, the status, a detail a person understands, and the field at fault, if any.
 */
public record Problem(String type, String title, int status, String detail, String field) {

  /** Where the problem types are documented (docs/enclave.md). */
  public static final String TYPE_BASE = "urn:cloister:problem:";

  /** Requires type, title and detail. */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }

  /** A problem of type {@link #TYPE_BASE}{@code slug}. */
  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem(TYPE_BASE + slug, title, status, detail, null);
  }

  /** This problem naming the field at fault. */
  public Problem withField(String newField) {
    return new Problem(type, title, status, detail, newField);
  }
}
