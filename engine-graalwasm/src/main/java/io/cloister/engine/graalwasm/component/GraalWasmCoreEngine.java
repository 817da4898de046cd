package io.cloister.engine.graalwasm.component;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreEngine;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.engine.CoreStore;
import io.cloister.component.engine.LinearMemory;
import io.cloister.engine.graalwasm.GraalWasmEngine;
import io.cloister.engine.graalwasm.MemoryLimits;
import io.cloister.engine.graalwasm.ModuleInfo;
import io.cloister.engine.graalwasm.WasmException;

/**
 * GraalWasm (with the Graal JIT where the JVM has it, docs/graalwasm.md) as the core engine of
 * components. Compiled guest code is shared through one Truffle engine; each component instance
 * gets a store of its own (a polyglot context).
 *
 * <p>GraalWasm has no memory budget of its own: the cap is built into each module when it is
 * compiled (every memory's maximum lowered to it), so it holds per memory, not summed over the
 * memories of an instance as on Chicory.
 */
public final class GraalWasmCoreEngine implements CoreEngine {
  private final GraalWasmEngine engine;

  private GraalWasmCoreEngine(GraalWasmEngine engine) {
    this.engine = engine;
  }

  /** On the process's shared GraalWasm engine. */
  public static GraalWasmCoreEngine shared() {
    return new GraalWasmCoreEngine(GraalWasmEngine.shared());
  }

  /** On {@code engine}. */
  public static GraalWasmCoreEngine on(GraalWasmEngine engine) {
    return new GraalWasmCoreEngine(engine);
  }

  /** The GraalWasm engine underneath (its runtime name says whether the JIT is on). */
  public GraalWasmEngine engine() {
    return engine;
  }

  @Override
  public String name() {
    return "graalwasm";
  }

  @Override
  public CoreModule compile(byte[] bytes, CoreModuleInfo info, int offset, long maxMemoryBytes)
      throws ComponentDecodeException {
    String name = "core module at offset " + offset;
    try {
      ModuleInfo declared = GraalWasmEngine.describe(name, bytes);
      long overCap = 0;
      for (MemoryLimits m : declared.memories()) {
        overCap = Math.max(overCap, m.initialPages() * LinearMemory.PAGE_SIZE);
      }
      boolean capped = maxMemoryBytes != Long.MAX_VALUE;
      if (capped && overCap > maxMemoryBytes) {
        // refused when instantiated, as on Chicory: the module itself is fine
        return new GraalWasmModule(engine.compile(name, bytes), info, overCap, maxMemoryBytes);
      }
      return new GraalWasmModule(
          engine.compile(name, bytes, capped ? maxMemoryBytes : -1), info, 0, maxMemoryBytes);
    } catch (WasmException e) {
      throw new ComponentDecodeException(offset, "core module refused by GraalWasm: " + e.getMessage());
    }
  }

  @Override
  public CoreStore newStore(long maxMemoryBytes) {
    return new GraalWasmStore(engine.newStore());
  }
}
