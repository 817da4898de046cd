package io.cloister.component.binary;

/** The index spaces of a component: one per sort, core sorts first. */
public enum Sort {
  CORE_FUNC("core func"),
  CORE_TABLE("core table"),
  CORE_MEMORY("core memory"),
  CORE_GLOBAL("core global"),
  CORE_TAG("core tag"),
  CORE_TYPE("core type"),
  CORE_MODULE("core module"),
  CORE_INSTANCE("core instance"),
  FUNC("func"),
  VALUE("value"),
  TYPE("type"),
  COMPONENT("component"),
  INSTANCE("instance");

  private final String text;

  Sort(String text) {
    this.text = text;
  }

  /** Whether this is one of the core sorts. */
  public boolean isCore() {
    return ordinal() <= CORE_INSTANCE.ordinal();
  }

  /** The core sort with the given {@code core:sort} byte. */
  static Sort core(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> CORE_FUNC;
      case 0x01 -> CORE_TABLE;
      case 0x02 -> CORE_MEMORY;
      case 0x03 -> CORE_GLOBAL;
      case 0x04 -> CORE_TAG;
      case 0x10 -> CORE_TYPE;
      case 0x11 -> CORE_MODULE;
      case 0x12 -> CORE_INSTANCE;
      default -> throw r.errorAt(at, "unknown core sort");
    };
  }

  /** A component {@code sort}, possibly a core one. */
  static Sort read(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> core(r);
      case 0x01 -> FUNC;
      case 0x02 -> VALUE;
      case 0x03 -> TYPE;
      case 0x04 -> COMPONENT;
      case 0x05 -> INSTANCE;
      default -> throw r.errorAt(at, "unknown sort");
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
