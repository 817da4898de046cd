package io.cloister.component.types;

/** The primitive value types, with their binary-format codes and WIT spellings. */
public enum PrimitiveType implements ValType {
  BOOL(0x7f, "bool"),
  S8(0x7e, "s8"),
  U8(0x7d, "u8"),
  S16(0x7c, "s16"),
  U16(0x7b, "u16"),
  S32(0x7a, "s32"),
  U32(0x79, "u32"),
  S64(0x78, "s64"),
  U64(0x77, "u64"),
  F32(0x76, "f32"),
  F64(0x75, "f64"),
  CHAR(0x74, "char"),
  STRING(0x73, "string");

  private final int code;
  private final String witName;

  PrimitiveType(int code, String witName) {
    this.code = code;
    this.witName = witName;
  }

  /** The byte that encodes this type in a {@code primvaltype}. */
  public int code() {
    return code;
  }

  /** The name WIT uses for this type. */
  public String witName() {
    return witName;
  }

  /** The primitive type with the given binary code, if the code names one. */
  public static java.util.Optional<PrimitiveType> fromCode(int code) {
    for (PrimitiveType t : values()) {
      if (t.code == code) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
