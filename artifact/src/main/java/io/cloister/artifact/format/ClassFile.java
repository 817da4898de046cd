package io.cloister.artifact.format;

import java.util.Arrays;
import java.util.Objects;

/** One JVM class an engine generated: its binary name and its class file bytes. */
public record ClassFile(String name, byte[] bytes) {
  public ClassFile {
    Objects.requireNonNull(name, "name");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The class file's length, without copying it. */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassFile c && name.equals(c.name) && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ClassFile[" + name + ", " + bytes.length + " bytes]";
  }
}
