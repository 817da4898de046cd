package io.cloister.engine.graalwasm;

/** What an import or export names: a function, table, memory, global or exception tag. */
public enum ExternKind {
  FUNCTION,
  TABLE,
  MEMORY,
  GLOBAL,
  TAG
}
