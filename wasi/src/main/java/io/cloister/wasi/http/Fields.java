package io.cloister.wasi.http;

import io.cloister.wasi.WasiTrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code wasi:http/types.fields} resource: an ordered multi-map of header or trailer fields.
 * Names compare case-insensitively and keep the case they were given. Fields are mutable until
 * attached to a request or response or received from the network; then every change fails with
 * {@code immutable}. Names must be RFC 9110 tokens, values must hold no control bytes but tab, and
 * the hop-by-hop fields the host manages itself ({@link #FORBIDDEN}) are refused.
 */
public final class Fields {
  /** Fields a guest may not set: the HTTP server owns connection management and framing. */
  public static final Set<String> FORBIDDEN =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "upgrade",
          "host",
          "http2-settings",
          "te");

  /** The most bytes of names and values one fields resource holds (a guest's host-memory limit). */
  public static final int MAX_TOTAL_BYTES = 1 << 20;

  private final List<HttpField> entries;
  private final boolean immutable;
  private int totalBytes;

  private Fields(List<HttpField> entries, boolean immutable) {
    this.entries = entries;
    this.immutable = immutable;
    for (HttpField f : entries) {
      totalBytes += f.name().length() + f.value().length;
    }
  }

  /** {@code constructor}: empty and mutable. */
  public Fields() {
    this(new ArrayList<>(), false);
  }

  /** {@code from-list}: mutable fields from guest-given entries, validated. */
  public static Fields fromList(List<HttpField> entries) throws HeaderException {
    Fields f = new Fields();
    for (HttpField e : entries) {
      f.append(e.name(), e.value());
    }
    return f;
  }

  /**
   * Immutable fields the host received (a request's headers); not validated against guests' rules.
   */
  public static Fields received(List<HttpField> entries) {
    return new Fields(new ArrayList<>(entries), true);
  }

  /** An immutable copy, for fields that become part of a request or response. */
  public Fields frozen() {
    return immutable ? this : new Fields(new ArrayList<>(entries), true);
  }

  /** Whether changes fail with {@code immutable}. */
  public boolean isImmutable() {
    return immutable;
  }

  /** {@code get}: every value of {@code name}, in order; none when the name is invalid. */
  public synchronized List<byte[]> get(String name) {
    List<byte[]> out = new ArrayList<>();
    for (HttpField f : entries) {
      if (f.name().equalsIgnoreCase(name)) {
        out.add(f.value());
      }
    }
    return out;
  }

  /** {@code has}. */
  public synchronized boolean has(String name) {
    return entries.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
  }

  /** {@code set}: replaces every value of {@code name} with {@code values}. */
  public synchronized void set(String name, List<byte[]> values) throws HeaderException {
    checkChange(name);
    for (byte[] v : values) {
      checkValue(name, v);
    }
    removeAll(name);
    for (byte[] v : values) {
      add(name, v);
    }
  }

  /** {@code delete}: removes every value of {@code name}. */
  public synchronized void delete(String name) throws HeaderException {
    checkChange(name);
    removeAll(name);
  }

  /** {@code append}: adds one value after the existing ones. */
  public synchronized void append(String name, byte[] value) throws HeaderException {
    checkChange(name);
    checkValue(name, value);
    add(name, value);
  }

  /** {@code entries}: all fields in order. */
  public synchronized List<HttpField> entries() {
    return List.copyOf(entries);
  }

  /** {@code clone}: a mutable copy. */
  public synchronized Fields copy() {
    return new Fields(new ArrayList<>(entries), false);
  }

  private void add(String name, byte[] value) {
    int size = name.length() + value.length;
    if (totalBytes + size > MAX_TOTAL_BYTES) {
      throw new WasiTrap("wasi:http/types.fields: more than " + MAX_TOTAL_BYTES + " bytes");
    }
    entries.add(new HttpField(name, value));
    totalBytes += size;
  }

  private void removeAll(String name) {
    entries.removeIf(
        f -> {
          if (f.name().equalsIgnoreCase(name)) {
            totalBytes -= f.name().length() + f.value().length;
            return true;
          }
          return false;
        });
  }

  private void checkChange(String name) throws HeaderException {
    if (immutable) {
      throw new HeaderException(HeaderError.IMMUTABLE, "fields are immutable");
    }
    if (!isToken(name)) {
      throw new HeaderException(
          HeaderError.INVALID_SYNTAX, "field name '" + name + "' is not an HTTP token");
    }
    if (FORBIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
      throw new HeaderException(HeaderError.FORBIDDEN, "field '" + name + "' is set by the host");
    }
  }

  private static void checkValue(String name, byte[] value) throws HeaderException {
    for (int i = 0; i < value.length; i++) {
      int b = value[i] & 0xff;
      if ((b < 0x20 && b != '\t') || b == 0x7f) {
        throw new HeaderException(
            HeaderError.INVALID_SYNTAX,
            "value of field '"
                + name
                + "' has byte 0x"
                + Integer.toHexString(b)
                + " at offset "
                + i);
      }
    }
  }

  /** Whether {@code s} is an RFC 9110 token ({@code 1*tchar}). */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
