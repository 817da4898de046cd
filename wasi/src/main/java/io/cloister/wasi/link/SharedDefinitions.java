package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.link.Linker;
import io.cloister.component.types.ResourceType;
import io.cloister.wasi.WasiContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Hand-written (untyped) definitions made once on an app's linker: each function and destructor
 * calls the implementation that the calling instance's {@link WasiContext} registered under the
 * same name ({@link InstanceDefinitions}). The first registration only records names and types.
 */
public final class SharedDefinitions implements HostDefinitions {
  private final Linker<WasiContext> linker;
  private final Map<String, ResourceType> types = new LinkedHashMap<>();

  /** Definitions on {@code linker}. */
  public SharedDefinitions(Linker<WasiContext> linker) {
    this.linker = linker;
  }

  static String key(String iface, String name) {
    return iface + "#" + name;
  }

  @Override
  public ResourceType resource(String iface, String name, IntConsumer drop) {
    String key = key(iface, name);
    ResourceType t =
        linker.defineResource(
            iface, name, (ctx, rep) -> ctx.handWritten().drop(key, rep));
    types.put(key, t);
    return t;
  }

  @Override
  public ResourceType resourceType(String iface, String name) {
    return types.computeIfAbsent(key(iface, name), k -> linker.resourceType(iface, name));
  }

  @Override
  public void function(String iface, String name, HostFunction fn) {
    String key = key(iface, name);
    linker.defineFunction(iface, name, null, (ctx, args) -> ctx.handWritten().call(key, args));
  }

  /** Fresh per-instance definitions over the same resource types. */
  public InstanceDefinitions forInstance() {
    return new InstanceDefinitions(Map.copyOf(types));
  }
}
