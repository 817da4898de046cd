package io.cloister.engine.graalwasm;

/** A core WebAssembly value type, as a module's types section encodes it. */
public enum ValType {
  I32(0x7f),
  I64(0x7e),
  F32(0x7d),
  F64(0x7c),
  V128(0x7b),
  FUNCREF(0x70),
  EXTERNREF(0x6f);

  private final int code;

  ValType(int code) {
    this.code = code;
  }

  /** Whether a host function or an export call can carry this type (numbers only, for now). */
  public boolean isNumber() {
    return this == I32 || this == I64 || this == F32 || this == F64;
  }

  static ValType of(int code) {
    for (ValType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
