package io.cloister.component.outline;

import java.util.Arrays;

/** A core function type: parameter and result value types, each one byte of the binary format. */
record FuncSig(byte[] params, byte[] results) {
  @Override
  public boolean equals(Object o) {
    return o instanceof FuncSig s
        && Arrays.equals(params, s.params)
        && Arrays.equals(results, s.results);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
  }

  @Override
  public String toString() {
    return Arrays.toString(params) + " -> " + Arrays.toString(results);
  }

  void encode(WasmWriter w) {
    w.u8(0x60);
    w.u32(params.length);
    w.bytes(params);
    w.u32(results.length);
    w.bytes(results);
  }
}
