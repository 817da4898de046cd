package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreInstance;
import java.util.HashMap;
import java.util.Map;

/** The exports of a Chicory instance; each is wrapped once and reused. */
final class ChicoryInstance implements CoreInstance {
  private final Instance instance;
  private final CoreModuleInfo info;
  private final Map<String, CoreExtern> cache = new HashMap<>();

  ChicoryInstance(Instance instance, CoreModuleInfo info) {
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
    if (t == null) {
      return null;
    }
    CoreExtern item =
        switch (t) {
          case CoreExternType.Func f -> new ChicoryFunction(f.type(), instance.export(name), instance);
          case CoreExternType.Memory m -> (FlatMemory) instance.exports().memory(name);
          case CoreExternType.Table tb -> new ChicoryTable(instance.exports().table(name));
          case CoreExternType.Global g -> new ChicoryGlobal(instance.exports().global(name));
          case CoreExternType.Tag tg -> null;
        };
    if (item != null) {
      cache.put(name, item);
    }
    return item;
  }
}
