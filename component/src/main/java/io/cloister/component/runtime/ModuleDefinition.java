package io.cloister.component.runtime;

import io.cloister.component.engine.CoreModule;

/** A core module as an item of a component index space. */
record ModuleDefinition(CoreModule module) implements ExternValue {}
