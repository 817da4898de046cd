package io.cloister.component.engine;

import io.cloister.component.binary.CoreModuleInfo;

/** A compiled core module, shared by every instance made from it. Immutable and thread-safe. */
public interface CoreModule {

  /** The module's imports and exports. */
  CoreModuleInfo info();
}
