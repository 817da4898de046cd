package io.cloister.component.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Assembles small component binaries by hand for decoder tests: bytes, LEB128 numbers, names,
 * vectors and sections, with {@link #offset()} marks so a test can say where a fault lies.
 */
public final class BinaryWriter {
  /** The component preamble: magic, version 0x0d, layer 1. */
  public static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** The number of bytes written so far: the offset of whatever is written next. */
  public int offset() {
    return out.size();
  }

  /** Appends bytes given as ints (each 0..255). */
  public BinaryWriter bytes(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  /** Appends raw bytes. */
  public BinaryWriter bytes(byte[] values) {
    out.writeBytes(values);
    return this;
  }

  /** Appends an unsigned LEB128 number in its shortest encoding. */
  public BinaryWriter u32(long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  /** Appends a name: its UTF-8 length as LEB128, then its bytes. */
  public BinaryWriter name(String name) {
    return rawName(name.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a length-prefixed byte string that need not be valid UTF-8. */
  public BinaryWriter rawName(byte[] bytes) {
    u32(bytes.length);
    return bytes(bytes);
  }

  /** Appends an import or export name ({@code 0x00 len name}). */
  public BinaryWriter externName(String name) {
    out.write(0x00);
    return name(name);
  }

  /** Appends a section: its id, its body's size as LEB128, its body. */
  public BinaryWriter section(int id, byte[] body) {
    out.write(id);
    u32(body.length);
    return bytes(body);
  }

  /** Everything written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  /** A new writer that starts with the component preamble. */
  public static BinaryWriter component() {
    return new BinaryWriter().bytes(PREAMBLE);
  }
}
