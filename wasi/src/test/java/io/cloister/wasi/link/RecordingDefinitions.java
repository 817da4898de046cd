package io.cloister.wasi.link;

import io.cloister.component.link.Linker;
import io.cloister.component.link.StatefulHostFunction;
import io.cloister.component.values.Value;
import java.util.List;

/**
 * Host definitions on a real {@link Linker}, looked up by name, so tests call the generated
 * bindings the way the runtime would, with no instance state.
 */
public final class RecordingDefinitions {
  private final Linker<Void> linker = new Linker<>();

  /** The linker the definitions are on. */
  public Linker<Void> linker() {
    return linker;
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
