package io.cloister.engine.graalwasm;

import org.graalvm.polyglot.Value;

/** An exported global. Only passed on as an import (GraalWasm gives globals no polyglot members). */
public record CoreGlobal(CoreInstance owner, String name, Value value) implements CoreExtern {
  @Override
  public ExternKind kind() {
    return ExternKind.GLOBAL;
  }
}
