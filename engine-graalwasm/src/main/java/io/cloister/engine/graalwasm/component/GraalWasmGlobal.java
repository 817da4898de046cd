package io.cloister.engine.graalwasm.component;

import io.cloister.component.engine.CoreGlobal;

/** A global of a GraalWasm instance. */
record GraalWasmGlobal(io.cloister.engine.graalwasm.CoreGlobal global) implements CoreGlobal {}
