package io.cloister.component.outline;

import java.util.Arrays;

/** A growable byte buffer with the LEB128 encodings of the core binary format. */
final class WasmWriter {
  private byte[] buf = new byte[64];
  private int len;

  int length() {
    return len;
  }

  void u8(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void bytes(byte[] src, int off, int n) {
    ensure(n);
    System.arraycopy(src, off, buf, len, n);
    len += n;
  }

  void bytes(byte[] src) {
    bytes(src, 0, src.length);
  }

  void u32(int v) {
    long x = v & 0xffffffffL;
    do {
      int b = (int) (x & 0x7f);
      x >>>= 7;
      u8(x != 0 ? b | 0x80 : b);
    } while (x != 0);
  }

  void s32(int v) {
    long x = v;
    while (true) {
      int b = (int) (x & 0x7f);
      x >>= 7;
      if ((x == 0 && (b & 0x40) == 0) || (x == -1 && (b & 0x40) != 0)) {
        u8(b);
        return;
      }
      u8(b | 0x80);
    }
  }

  /** A section or body: its size as a u32, then its bytes. */
  void sized(WasmWriter content) {
    u32(content.len);
    bytes(content.buf, 0, content.len);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
