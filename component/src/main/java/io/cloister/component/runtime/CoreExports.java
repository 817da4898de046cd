package io.cloister.component.runtime;

import com.dylibso.chicory.runtime.Instance;
import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The exports of a core instance: a Chicory instance of a module, or a bag of items put together by
 * a {@code (core instance (export ...))} definition. Items are {@link CoreFunc}, {@link
 * com.dylibso.chicory.runtime.Memory}, {@link com.dylibso.chicory.runtime.TableInstance} or {@link
 * com.dylibso.chicory.runtime.GlobalInstance}.
 */
sealed interface CoreExports {

  /** The export named {@code name}, or null. */
  Object get(String name);

  /** The exports of an instantiated module; functions are wrapped once and reused. */
  final class OfInstance implements CoreExports {
    private final Instance instance;
    private final CoreModuleInfo info;
    private final Map<String, Object> cache = new HashMap<>();

    OfInstance(Instance instance, CoreModuleInfo info) {
      this.instance = instance;
      this.info = info;
    }

    @Override
    public Object get(String name) {
      Object cached = cache.get(name);
      if (cached != null) {
        return cached;
      }
      CoreExternType t = info.exports().get(name);
      if (t == null) {
        return null;
      }
      Object item =
          switch (t) {
            case CoreExternType.Func f -> {
              var fn = instance.export(name);
              yield new CoreFunc(f.type(), (inst, args) -> fn.apply(args), instance);
            }
            case CoreExternType.Memory m -> instance.exports().memory(name);
            case CoreExternType.Table tb -> instance.exports().table(name);
            case CoreExternType.Global g -> instance.exports().global(name);
            case CoreExternType.Tag tg -> null;
          };
      if (item != null) {
        cache.put(name, item);
      }
      return item;
    }
  }

  /** Exports listed one by one. */
  record OfItems(Map<String, Object> items) implements CoreExports {
    @Override
    public Object get(String name) {
      return items.get(name);
    }
  }
}
