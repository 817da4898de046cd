package io.cloister.engine.graalwasm;

import org.graalvm.polyglot.Value;

/** An export of a core instance, which other instances of the same store may import. */
public sealed interface CoreExtern permits CoreFunction, CoreMemory, CoreTable, CoreGlobal {
  /** The instance that exports it. */
  CoreInstance owner();

  /** Its export name. */
  String name();

  /** What it is. */
  ExternKind kind();

  /** GraalWasm's value for it, to pass into an import object. */
  Value value();
}
