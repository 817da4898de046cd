package io.cloister.component.engine;

/** A core item one instance exports and another imports. */
public sealed interface CoreExtern permits CoreFunction, LinearMemory, CoreTable, CoreGlobal {}
