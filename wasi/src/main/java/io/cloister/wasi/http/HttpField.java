package io.cloister.wasi.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One header or trailer line: a name and its raw value bytes (values need not be UTF-8). */
public record HttpField(String name, byte[] value) {
  public HttpField {
    Objects.requireNonNull(name, "name");
    value = value.clone();
  }

  /** A field whose value is {@code value} in UTF-8. */
  public static HttpField of(String name, String value) {
    return new HttpField(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The value decoded as ISO-8859-1, byte for byte, as HTTP/1.1 field values are. */
  public String valueLatin1() {
    return new String(value, StandardCharsets.ISO_8859_1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpField f && name.equals(f.name) && Arrays.equals(value, f.value);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return name + ": " + valueLatin1();
  }
}
