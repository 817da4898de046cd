package io.cloister.component.engine;

/** A core table, passed from the instance that defines it to those that import it. */
public non-sealed interface CoreTable extends CoreExtern {}
