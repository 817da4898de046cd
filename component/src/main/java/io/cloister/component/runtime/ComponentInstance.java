package io.cloister.component.runtime;

import io.cloister.component.abi.ResourceDestructor;
import io.cloister.component.engine.CoreStore;
import io.cloister.component.engine.MemoryCapExceededException;
import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An instantiated component: its exports, callable from Java. Single-threaded: one call at a time;
 * a call into it while another one runs (reentrance) traps. Closing it frees what its core engine
 * holds for it.
 */
public final class ComponentInstance implements AutoCloseable {
  private final ExternValue.Instance exports;
  private final Map<ResourceType, ResourceDestructor> destructors;
  private final CoreStore store;

  private ComponentInstance(
      ExternValue.Instance exports,
      Map<ResourceType, ResourceDestructor> destructors,
      CoreStore store) {
    this.exports = exports;
    this.destructors = destructors;
    this.store = store;
  }

  /**
   * Instantiates {@code component} with its imports bound by name. Linkers call this after checking
   * that every import is present and fits; {@code destructors} are the host's resource
   * destructors, keyed by the resource types used in {@code imports}.
   *
   * @throws ComponentTrapException if a core module traps while starting
   * @throws MemoryCapExceededException if the core memories' initial sizes exceed the memory cap
   */
  public static ComponentInstance instantiate(
      Component component,
      Map<String, ExternValue> imports,
      Map<ResourceType, ResourceDestructor> destructors) {
    InstanceBuilder.Instantiation inst = new InstanceBuilder.Instantiation(component.options());
    inst.destructors.putAll(destructors);
    try {
      ExternValue.Instance exports =
          new InstanceBuilder(component, component.validated(), null, inst).run(imports);
      inst.shareDestructors();
      return new ComponentInstance(exports, inst.destructors, inst.store);
    } catch (ComponentTrapException | MemoryCapExceededException e) {
      inst.store.close();
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      inst.store.close();
      throw Traps.wrap("instantiation", e);
    }
  }

  /**
   * Stops the call running in this instance on another thread (as well as interrupting that
   * thread, which the caller does): the call traps; the instance is to be discarded. Returns at
   * once.
   */
  public void interrupt() {
    store.interrupt();
  }

  /** Frees the instance's core memories; it is not called afterwards. */
  @Override
  public void close() {
    store.close();
  }

  /**
   * Drops a resource the host owns (an {@code own} a guest function returned): runs the resource's
   * destructor, the guest's for a guest-defined resource.
   *
   * @throws IllegalArgumentException if {@code resource} is a borrow
   * @throws ComponentTrapException if the destructor traps
   */
  public void dropResource(Value.ResourceValue resource) {
    if (!resource.owned()) {
      throw new IllegalArgumentException("cannot drop a borrowed resource: " + resource);
    }
    ResourceDestructor d = destructors.get(resource.type());
    if (d == null) {
      return;
    }
    String name = "[resource-drop]" + resource.type().name();
    try {
      d.destroy(resource.rep());
    } catch (RuntimeException | StackOverflowError e) {
      throw Traps.wrap(name, e);
    }
  }

  /** All exports by name. */
  public ExternValue.Instance exports() {
    return exports;
  }

  /**
   * The exported function {@code name}: a root export ({@code add}) or {@code interface#function}.
   *
   * @throws NoSuchElementException if there is none, naming the functions there are
   */
  public ComponentFunction exportedFunction(String name) {
    int hash = name.indexOf('#');
    if (hash >= 0) {
      return exportedFunction(name.substring(0, hash), name.substring(hash + 1));
    }
    return function(exports.export(name), name);
  }

  /** The function {@code function} of the exported interface {@code interfaceName}. */
  public ComponentFunction exportedFunction(String interfaceName, String function) {
    Optional<ExternValue> iface = exports.export(interfaceName);
    if (iface.orElse(null) instanceof ExternValue.Instance i) {
      return function(i.export(function), interfaceName + "#" + function);
    }
    throw noSuch(interfaceName + "#" + function);
  }

  private ComponentFunction function(Optional<ExternValue> v, String name) {
    if (v.orElse(null) instanceof ExternValue.Func f) {
      return f.function();
    }
    throw noSuch(name);
  }

  private NoSuchElementException noSuch(String name) {
    List<String> names = functions().stream().map(ExportedFunction::name).toList();
    return new NoSuchElementException("no exported function " + name + "; exported: " + names);
  }

  /** Every exported function, root ones by name and interface ones as {@code interface#name}. */
  public List<ExportedFunction> functions() {
    List<ExportedFunction> out = new ArrayList<>();
    exports
        .exports()
        .forEach(
            (name, v) -> {
              if (v instanceof ExternValue.Func f) {
                out.add(new ExportedFunction(name, f.function().type()));
              } else if (v instanceof ExternValue.Instance i) {
                i.exports()
                    .forEach(
                        (fn, iv) -> {
                          if (iv instanceof ExternValue.Func f) {
                            out.add(new ExportedFunction(name + "#" + fn, f.function().type()));
                          }
                        });
              }
            });
    return out;
  }
}
