package io.cloister.component.abi;

import com.dylibso.chicory.wasm.types.ValType;

/**
 * A core value type in a flattened signature. In the {@code long[]} Chicory passes, an {@code i32}
 * or {@code f32} occupies the low 32 bits, an {@code f32}/{@code f64} is held as its raw bits.
 */
public enum FlatType {
  I32(ValType.I32),
  I64(ValType.I64),
  F32(ValType.F32),
  F64(ValType.F64);

  private final ValType core;

  FlatType(ValType core) {
    this.core = core;
  }

  /** The Chicory core type. */
  public ValType core() {
    return core;
  }

  /** Whether the value occupies only the low 32 bits of its slot. */
  boolean is32() {
    return this == I32 || this == F32;
  }

  /** The spec's {@code join}: the tightest core type that can carry both. */
  static FlatType join(FlatType a, FlatType b) {
    if (a == b) {
      return a;
    }
    if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
      return I32;
    }
    return I64;
  }
}
