package io.cloister.component.runtime;

/** A core module as an item of a component index space. */
record ModuleDefinition(CompiledModule module) implements ExternValue {}
