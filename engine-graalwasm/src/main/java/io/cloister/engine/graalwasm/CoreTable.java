package io.cloister.engine.graalwasm;

import org.graalvm.polyglot.Value;

/**
 * An exported table. Only passed on as an import (the fixup pattern fills it from wasm): GraalWasm
 * gives tables no polyglot members, and refuses host functions written into them from Java.
 */
public record CoreTable(CoreInstance owner, String name, Value value) implements CoreExtern {
  @Override
  public ExternKind kind() {
    return ExternKind.TABLE;
  }
}
