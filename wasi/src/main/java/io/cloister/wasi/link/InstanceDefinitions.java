package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One instance's implementations of its app's hand-written definitions, by name, over the resource
 * types the app's linker holds ({@link SharedDefinitions}).
 */
public final class InstanceDefinitions implements HostDefinitions {
  private final Map<String, ResourceType> types;
  private final Map<String, HostFunction> functions = new HashMap<>();
  private final Map<String, IntConsumer> drops = new HashMap<>();

  InstanceDefinitions(Map<String, ResourceType> types) {
    this.types = types;
  }

  private ResourceType type(String iface, String name) {
    ResourceType t = types.get(SharedDefinitions.key(iface, name));
    if (t == null) {
      throw new IllegalStateException("the app's linker has no resource " + iface + "#" + name);
    }
    return t;
  }

  @Override
  public ResourceType resource(String iface, String name, IntConsumer drop) {
    drops.put(SharedDefinitions.key(iface, name), drop);
    return type(iface, name);
  }

  @Override
  public ResourceType resourceType(String iface, String name) {
    return type(iface, name);
  }

  @Override
  public void function(String iface, String name, HostFunction fn) {
    functions.put(SharedDefinitions.key(iface, name), fn);
  }

  /** Calls this instance's function {@code key}. */
  public List<Value> call(String key, List<Value> args) {
    return functions.get(key).call(args);
  }

  /** Runs this instance's destructor of resource {@code key}. */
  public void drop(String key, int rep) {
    drops.get(key).accept(rep);
  }
}
