package io.cloister.component.engine;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.CoreModuleInfo;

/** A core WebAssembly engine: compiles modules once, and makes stores to instantiate them in. */
public interface CoreEngine {

  /** The engine's name, as {@code --engine} spells it. */
  String name();

  /**
   * Compiles one validated core module.
   *
   * @param bytes the module's binary
   * @param info its imports and exports, as validation found them
   * @param offset where the module starts in its component (for errors)
   * @param maxMemoryBytes the cap on an instance's linear memory ({@code Long.MAX_VALUE} for
   *     none), for an engine that builds it into the compiled module rather than into its stores
   * @throws ComponentDecodeException if the engine refuses the module
   */
  CoreModule compile(byte[] bytes, CoreModuleInfo info, int offset, long maxMemoryBytes)
      throws ComponentDecodeException;

  /**
   * A store for the core instances of one top-level component instantiation, whose memories
   * together may hold at most {@code maxMemoryBytes}.
   */
  CoreStore newStore(long maxMemoryBytes);
}
