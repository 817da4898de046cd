package io.cloister.engine.graalwasm.component;

import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CachedExports;
import io.cloister.component.engine.CoreExtern;

/** The exports of a GraalWasm instance. */
final class GraalWasmInstance extends CachedExports {
  private final io.cloister.engine.graalwasm.CoreInstance instance;

  GraalWasmInstance(io.cloister.engine.graalwasm.CoreInstance instance, CoreModuleInfo info) {
    super(info);
    this.instance = instance;
  }

  @Override
  protected CoreExtern wrap(String name, CoreExternType type) {
    io.cloister.engine.graalwasm.CoreExtern x = instance.export(name);
    if (x == null) {
      return null;
    }
    return switch (type) {
      case CoreExternType.Func f ->
          new GraalWasmFunction(f.type(), (io.cloister.engine.graalwasm.CoreFunction) x);
      case CoreExternType.Memory m ->
          new GraalWasmMemory((io.cloister.engine.graalwasm.CoreMemory) x);
      case CoreExternType.Table tb -> new GraalWasmTable((io.cloister.engine.graalwasm.CoreTable) x);
      case CoreExternType.Global g ->
          new GraalWasmGlobal((io.cloister.engine.graalwasm.CoreGlobal) x);
      case CoreExternType.Tag tg -> null;
    };
  }
}
