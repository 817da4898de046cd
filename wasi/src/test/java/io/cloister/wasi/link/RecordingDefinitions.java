package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.link.Linker;
import io.cloister.component.link.StatefulHostFunction;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Host definitions on a real {@link Linker}, looked up by name, so tests call bindings (generated
 * or hand-written) the way the runtime would, with no instance state.
 */
public final class RecordingDefinitions implements HostDefinitions {
  private final Linker<Void> linker = new Linker<>();

  /** The linker the definitions are on. */
  public Linker<Void> linker() {
    return linker;
  }

  @Override
  public ResourceType resource(String iface, String name, IntConsumer drop) {
    if (linker.definedDestructor(linker.resourceType(iface, name)).isPresent()) {
      throw new IllegalStateException("defined twice: " + iface + "#" + name);
    }
    return linker.defineResource(iface, name, drop::accept);
  }

  @Override
  public ResourceType resourceType(String iface, String name) {
    return linker.resourceType(iface, name);
  }

  @Override
  public void function(String iface, String name, HostFunction fn) {
    if (defines(iface, name)) {
      throw new IllegalStateException("defined twice: " + iface + "#" + name);
    }
    linker.defineFunction(iface, name, null, fn);
  }

  /** Calls {@code iface#name} and returns its single result (null when it has none). */
  public Value call(String iface, String name, Value... args) {
    StatefulHostFunction<Void> f =
        linker
            .definedFunction(iface, name)
            .orElseThrow(() -> new IllegalArgumentException("not defined: " + iface + "#" + name));
    List<Value> r = f.call(null, List.of(args));
    return r.isEmpty() ? null : r.get(0);
  }

  /** Whether {@code iface#name} is defined. */
  public boolean defines(String iface, String name) {
    return linker.definedFunction(iface, name).isPresent();
  }

  /** The guest drops its owned handle {@code handle}. */
  public void drop(Value handle) {
    Value.ResourceValue r = (Value.ResourceValue) handle;
    linker.definedDestructor(r.type()).orElseThrow().destroy(null, r.rep());
  }

  /** A borrow of an owned handle. */
  public static Value borrow(Value handle) {
    Value.ResourceValue r = (Value.ResourceValue) handle;
    return new Value.ResourceValue(r.type(), r.rep(), false);
  }
}
