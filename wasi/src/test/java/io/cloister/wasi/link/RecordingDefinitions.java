package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Host definitions kept in maps, so tests call bindings the way the runtime would. */
public final class RecordingDefinitions implements HostDefinitions {
  private final Map<String, HostFunction> functions = new HashMap<>();
  private final Map<String, ResourceType> resources = new HashMap<>();
  private final Map<ResourceType, IntConsumer> drops = new HashMap<>();

  @Override
  public ResourceType resource(String iface, String name, IntConsumer drop) {
    ResourceType t = new ResourceType(name);
    if (resources.put(iface + "#" + name, t) != null) {
      throw new IllegalStateException("defined twice: " + iface + "#" + name);
    }
    drops.put(t, drop);
    return t;
  }

  @Override
  public void function(String iface, String name, HostFunction fn) {
    if (functions.put(iface + "#" + name, fn) != null) {
      throw new IllegalStateException("defined twice: " + iface + "#" + name);
    }
  }

  /** Calls {@code iface#name} and returns its single result (null when it has none). */
  public Value call(String iface, String name, Value... args) {
    HostFunction f = functions.get(iface + "#" + name);
    if (f == null) {
      throw new IllegalArgumentException("not defined: " + iface + "#" + name);
    }
    List<Value> r = f.call(List.of(args));
    return r.isEmpty() ? null : r.get(0);
  }

  /** Whether {@code iface#name} is defined. */
  public boolean defines(String iface, String name) {
    return functions.containsKey(iface + "#" + name);
  }

  /** The guest drops its owned handle {@code handle}. */
  public void drop(Value handle) {
    Value.ResourceValue r = (Value.ResourceValue) handle;
    drops.get(r.type()).accept(r.rep());
  }

  /** A borrow of an owned handle. */
  public static Value borrow(Value handle) {
    Value.ResourceValue r = (Value.ResourceValue) handle;
    return new Value.ResourceValue(r.type(), r.rep(), false);
  }
}
