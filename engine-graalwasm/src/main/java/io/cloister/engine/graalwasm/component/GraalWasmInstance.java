package io.cloister.engine.graalwasm.component;

import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreInstance;
import java.util.HashMap;
import java.util.Map;

/** The exports of a GraalWasm instance; each is wrapped once and reused. */
final class GraalWasmInstance implements CoreInstance {
  private final io.cloister.engine.graalwasm.CoreInstance instance;
  private final CoreModuleInfo info;
  private final Map<String, CoreExtern> cache = new HashMap<>();

  GraalWasmInstance(io.cloister.engine.graalwasm.CoreInstance instance, CoreModuleInfo info) {
    this.instance = instance;
    this.info = info;
  }

  @Override
  public CoreExtern export(String name) {
    CoreExtern cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    CoreExternType t = info.exports().get(name);
    io.cloister.engine.graalwasm.CoreExtern x = instance.export(name);
    if (t == null || x == null) {
      return null;
    }
    CoreExtern item =
        switch (t) {
          case CoreExternType.Func f ->
              new GraalWasmFunction(f.type(), (io.cloister.engine.graalwasm.CoreFunction) x);
          case CoreExternType.Memory m ->
              new GraalWasmMemory((io.cloister.engine.graalwasm.CoreMemory) x);
          case CoreExternType.Table tb ->
              new GraalWasmTable((io.cloister.engine.graalwasm.CoreTable) x);
          case CoreExternType.Global g ->
              new GraalWasmGlobal((io.cloister.engine.graalwasm.CoreGlobal) x);
          case CoreExternType.Tag tg -> null;
        };
    if (item != null) {
      cache.put(name, item);
    }
    return item;
  }
}
