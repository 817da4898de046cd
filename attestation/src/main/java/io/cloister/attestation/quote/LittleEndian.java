package io.cloister.attestation.quote;

import java.io.ByteArrayOutputStream;

/** Little-endian writer used to serialize quote structures exactly as they were parsed. */
final class LittleEndian {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  LittleEndian u16(int v) {
    out.write(v);
    out.write(v >>> 8);
    return this;
  }

  LittleEndian u32(long v) {
    out.write((int) v);
    out.write((int) (v >>> 8));
    out.write((int) (v >>> 16));
    out.write((int) (v >>> 24));
    return this;
  }

  LittleEndian bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  LittleEndian zeros(int n) {
    out.writeBytes(new byte[n]);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  static int u16At(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  static long u32At(byte[] b, int off) {
    return (b[off] & 0xffL)
        | (b[off + 1] & 0xffL) << 8
        | (b[off + 2] & 0xffL) << 16
        | (b[off + 3] & 0xffL) << 24;
  }
}
