package io.cloister.component.link;

import io.cloister.component.abi.ResourceDestructor;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.ExternValue;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ResourceType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component whose imports a {@link Linker} has resolved and type-checked: instantiating it only
 * binds each host function and destructor to the new instance's host state. Immutable and
 * thread-safe; one per app.
 *
 * @param <T> the per-instance host state
 */
public final class InstancePre<T> {
  /** How one import is provided, resolved once. */
  sealed interface Import<T> {
    /** Provided the same way to every instance: a type, or another instance's exports. */
    record Fixed<T>(ExternValue value) implements Import<T> {}

    /** A host function, bound to each instance's state. */
    record Func<T>(String name, FuncType type, StatefulHostFunction<T> function)
        implements Import<T> {}

    /** An imported interface: its types, and its functions bound per instance. */
    record Instance<T>(Map<String, ExternValue> fixed, Map<String, Func<T>> funcs)
        implements Import<T> {}
  }

  private final Component component;
  private final Map<String, Import<T>> imports;
  private final Map<ResourceType, HostResourceDestructor<T>> destructors;

  InstancePre(
      Component component,
      Map<String, Import<T>> imports,
      Map<ResourceType, HostResourceDestructor<T>> destructors) {
    this.component = component;
    this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
    this.destructors = new IdentityHashMap<>(destructors);
  }

  /** The component this links. */
  public Component component() {
    return component;
  }

  /**
   * A new instance whose host functions and resource destructors receive {@code state}.
   *
   * @throws io.cloister.component.runtime.ComponentTrapException if a core module traps at start
   * @throws io.cloister.component.engine.MemoryCapExceededException if the core memories' initial
   *     sizes exceed the memory cap
   */
  public ComponentInstance instantiate(T state) {
    Map<String, ExternValue> values = new LinkedHashMap<>();
    imports.forEach((name, imp) -> values.put(name, bind(imp, state)));
    Map<ResourceType, ResourceDestructor> bound = new IdentityHashMap<>();
    destructors.forEach((type, d) -> bound.put(type, rep -> d.destroy(state, rep)));
    return ComponentInstance.instantiate(component, values, bound);
  }

  private static <T> ExternValue bind(Import<T> imp, T state) {
    return switch (imp) {
      case Import.Fixed<T> f -> f.value();
      case Import.Func<T> f -> func(f, state);
      case Import.Instance<T> i -> {
        if (i.funcs().isEmpty()) {
          yield new ExternValue.Instance(i.fixed());
        }
        Map<String, ExternValue> items = new LinkedHashMap<>(i.fixed());
        i.funcs().forEach((name, f) -> items.put(name, func(f, state)));
        yield new ExternValue.Instance(items);
      }
    };
  }

  private static <T> ExternValue.Func func(Import.Func<T> f, T state) {
    return new ExternValue.Func(new HostFunctionAdapter<>(f.name(), f.type(), f.function(), state));
  }
}
