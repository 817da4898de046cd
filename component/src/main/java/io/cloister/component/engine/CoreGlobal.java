package io.cloister.component.engine;

/** A core global, passed from the instance that defines it to those that import it. */
public non-sealed interface CoreGlobal extends CoreExtern {}
