package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.GlobalInstance;
import io.cloister.component.engine.CoreGlobal;

/** A global of a Chicory instance. */
record ChicoryGlobal(GlobalInstance global) implements CoreGlobal {}
