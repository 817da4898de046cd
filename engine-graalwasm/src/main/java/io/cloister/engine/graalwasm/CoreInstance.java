package io.cloister.engine.graalwasm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** An instance of a core module in a {@link CoreStore}, with its exports. */
public final class CoreInstance {
  private final CoreStore store;
  private final CoreModule module;
  private final Map<String, CoreExtern> exports = new LinkedHashMap<>();

  CoreInstance(CoreStore store, CoreModule module, Value exportsValue, boolean directMemory) {
    this.store = store;
    this.module = module;
    for (ModuleInfo.Export e : module.info().exports()) {
      Value v = exportsValue.getMember(e.name());
      if (v == null) {
        throw new WasmLinkException(module.name(), "GraalWasm's instance lacks export " + e.name(), null);
      }
      CoreExtern x =
          switch (e.kind()) {
            case FUNCTION -> new CoreFunction(this, e.name(), e.type().orElseThrow(), v);
            case MEMORY -> new CoreMemory(this, e.name(), v, directMemory);
            case TABLE -> new CoreTable(this, e.name(), v);
            case GLOBAL -> new CoreGlobal(this, e.name(), v);
            case TAG -> null; // exception tags: not modelled
          };
      if (x != null) {
        exports.put(e.name(), x);
      }
    }
  }

  /** The store it lives in. */
  public CoreStore store() {
    return store;
  }

  /** The module it instantiates. */
  public CoreModule module() {
    return module;
  }

  /** Its exports by name, in the module's order. */
  public Map<String, CoreExtern> exports() {
    return java.util.Collections.unmodifiableMap(exports);
  }

  /** The export {@code name}, of any kind. */
  public CoreExtern export(String name) {
    CoreExtern x = exports.get(name);
    if (x == null) {
      throw new IllegalArgumentException(module.name() + " has no export " + name + " (it has " + exports.keySet() + ")");
    }
    return x;
  }

  /** The exported function {@code name}. */
  public CoreFunction function(String name) {
    return as(name, CoreFunction.class);
  }

  /** The exported memory {@code name}. */
  public CoreMemory memory(String name) {
    return as(name, CoreMemory.class);
  }

  private <T extends CoreExtern> T as(String name, Class<T> kind) {
    CoreExtern x = export(name);
    if (!kind.isInstance(x)) {
      throw new IllegalArgumentException(module.name() + "." + name + " is a " + x.kind() + ", not a " + kind.getSimpleName());
    }
    return kind.cast(x);
  }

  @Override
  public String toString() {
    return "CoreInstance[" + module.name() + "]";
  }
}
