package io.cloister.engine.graalwasm;

/** A host read or write of linear memory outside its current size. */
public final class WasmMemoryAccessException extends WasmException {
  private static final long serialVersionUID = 1L;

  WasmMemoryAccessException(String module, String memory, long offset, long length, long size) {
    super(
        module,
        "host access of "
            + length
            + " bytes at "
            + offset
            + " is outside memory "
            + memory
            + " ("
            + size
            + " bytes)",
        null);
  }
}
