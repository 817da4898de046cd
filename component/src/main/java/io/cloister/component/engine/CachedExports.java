package io.cloister.component.engine;

import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The exports of an engine's instance of a module, each wrapped once (on first use) and reused;
 * an engine supplies how one export of a given kind is wrapped.
 */
public abstract class CachedExports implements CoreInstance {
  private final CoreModuleInfo info;
  private final Map<String, CoreExtern> cache = new HashMap<>();

  /** The exports {@code info} declares. */
  protected CachedExports(CoreModuleInfo info) {
    this.info = info;
  }

  @Override
  public final CoreExtern export(String name) {
    CoreExtern cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    CoreExternType type = info.exports().get(name);
    CoreExtern item = type == null ? null : wrap(name, type);
    if (item != null) {
      cache.put(name, item);
    }
    return item;
  }

  /** The export {@code name}, declared as {@code type}, as a core item; null if it has none. */
  protected abstract CoreExtern wrap(String name, CoreExternType type);
}
