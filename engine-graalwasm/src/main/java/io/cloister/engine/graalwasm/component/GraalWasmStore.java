package io.cloister.engine.graalwasm.component;

import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreFunction;
import io.cloister.component.engine.CoreImports;
import io.cloister.component.engine.CoreInstance;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.engine.CoreStore;
import io.cloister.component.engine.MemoryCapExceededException;
import io.cloister.engine.graalwasm.Imports;
import io.cloister.engine.graalwasm.ModuleInfo;

/** The core instances of one component instance: one GraalWasm store (a polyglot context). */
final class GraalWasmStore implements CoreStore {
  private final io.cloister.engine.graalwasm.CoreStore store;

  GraalWasmStore(io.cloister.engine.graalwasm.CoreStore store) {
    this.store = store;
  }

  @Override
  public CoreInstance instantiate(CoreModule module, CoreImports imports, String name) {
    GraalWasmModule m = (GraalWasmModule) module;
    if (m.initialBytesOverCap() > 0) {
      throw new MemoryCapExceededException(name, m.initialBytesOverCap(), 0, m.capBytes());
    }
    Imports.Builder b = Imports.builder();
    for (ModuleInfo.Import imp : m.module().info().imports()) {
      CoreExtern item = imports.get(imp.module(), imp.name());
      switch (item) {
        case GraalWasmFunction f -> b.extern(imp.module(), imp.name(), f.function());
        case CoreFunction host ->
            b.function(imp.module(), imp.name(), imp.type().orElseThrow(), host::call);
        case GraalWasmMemory mem -> b.extern(imp.module(), imp.name(), mem.memory());
        case GraalWasmTable t -> b.extern(imp.module(), imp.name(), t.table());
        case GraalWasmGlobal g -> b.extern(imp.module(), imp.name(), g.global());
        default ->
            throw new IllegalStateException(
                name + ": import " + imp.module() + "." + imp.name() + " is not a GraalWasm item: "
                    + item);
      }
    }
    return new GraalWasmInstance(store.instantiate(m.module(), b.build()), m.info());
  }

  /** Cancels the running call and closes the context: Thread.interrupt does not stop GraalWasm. */
  @Override
  public void interrupt() {
    store.cancel();
  }

  @Override
  public void close() {
    store.close();
  }
}
