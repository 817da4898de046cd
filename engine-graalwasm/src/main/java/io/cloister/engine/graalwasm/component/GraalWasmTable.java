package io.cloister.engine.graalwasm.component;

import io.cloister.component.engine.CoreTable;

/** A table of a GraalWasm instance. */
record GraalWasmTable(io.cloister.engine.graalwasm.CoreTable table) implements CoreTable {}
