package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CachedExports;
import io.cloister.component.engine.CoreExtern;

/** The exports of a Chicory instance. */
final class ChicoryInstance extends CachedExports {
  private final Instance instance;

  ChicoryInstance(Instance instance, CoreModuleInfo info) {
    super(info);
    this.instance = instance;
  }

  @Override
  protected CoreExtern wrap(String name, CoreExternType type) {
    return switch (type) {
      case CoreExternType.Func f -> new ChicoryFunction(f.type(), instance.export(name), instance);
      case CoreExternType.Memory m -> (FlatMemory) instance.exports().memory(name);
      case CoreExternType.Table tb -> new ChicoryTable(instance.exports().table(name));
      case CoreExternType.Global g -> new ChicoryGlobal(instance.exports().global(name));
      case CoreExternType.Tag tg -> null;
    };
  }
}
