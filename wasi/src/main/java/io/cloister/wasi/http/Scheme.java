package io.cloister.wasi.http;

import java.util.Objects;

/** The {@code wasi:http/types.scheme} variant: {@code HTTP}, {@code HTTPS} or {@code other}. */
public record Scheme(String name) {
  /** {@code HTTP}. */
  public static final Scheme HTTP = new Scheme("http");

  /** {@code HTTPS}. */
  public static final Scheme HTTPS = new Scheme("https");

  public Scheme {
    Objects.requireNonNull(name, "name");
  }

  /** The WIT case index: 0 for http, 1 for https, 2 for other (case-insensitive). */
  public int caseIndex() {
    if (name.equalsIgnoreCase("http")) {
      return 0;
    }
    return name.equalsIgnoreCase("https") ? 1 : 2;
  }
}
