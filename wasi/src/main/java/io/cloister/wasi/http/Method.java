package io.cloister.wasi.http;

import java.util.List;
import java.util.Objects;

/** The {@code wasi:http/types.method} variant, as the method's name ({@code GET}, ...). */
public record Method(String name) {
  /** The named cases in WIT order; any other name is {@code other(name)}. */
  public static final List<String> STANDARD =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  public Method {
    Objects.requireNonNull(name, "name");
  }

  /** The WIT case index: a standard method's position, or {@link #STANDARD}{@code .size()}. */
  public int caseIndex() {
    int i = STANDARD.indexOf(name);
    return i < 0 ? STANDARD.size() : i;
  }

  /** Whether this is a valid method token (RFC 9110). */
  public boolean isValid() {
    return Fields.isToken(name);
  }
}
