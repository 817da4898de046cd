package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.TableInstance;
import io.cloister.component.engine.CoreTable;

/** A table of a Chicory instance. */
record ChicoryTable(TableInstance table) implements CoreTable {}
