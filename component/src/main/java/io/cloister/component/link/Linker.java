package io.cloister.component.link;

import io.cloister.component.abi.ResourceDestructor;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.ExternValue;
import io.cloister.component.runtime.TypeSubstitution;
import io.cloister.component.types.DefType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.TypeExtern;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Host definitions by name, and instantiation of components against them. Interfaces are named as
 * components import them ({@code wasi:cli/environment@0.2.0}); a definition under one version
 * satisfies imports of any {@link InterfaceVersions#compatible compatible} version. Functions
 * imported at the root of a component are defined by their plain name.
 *
 * <p>A component is linked once ({@link #prepare}): every import is resolved and checked before
 * anything runs; a function the host declared with a {@link FuncType} must have exactly the shape
 * the component imports, and every missing or ill-fitting import is reported together in one {@link
 * ComponentLinkException}. The resulting {@link InstancePre} then makes any number of instances,
 * each with its own host state of type {@code T}, which host functions and resource destructors
 * receive with every call (as wasmtime's {@code Linker<T>} and {@code InstancePre<T>}). A linker is
 * not thread-safe while being defined; an {@link InstancePre} is.
 *
 * @param <T> the per-instance host state
 */
public final class Linker<T> {
  private record FuncDef<T>(Optional<FuncType> type, StatefulHostFunction<T> function) {}

  private record ResourceDef<T>(ResourceType type, HostResourceDestructor<T> destructor) {}

  /** Definitions of one interface (or, under the empty name, of the root). */
  private static final class InterfaceDef<T> {
    final Map<String, FuncDef<T>> funcs = new LinkedHashMap<>();
    final Map<String, ResourceDef<T>> resources = new LinkedHashMap<>();
    ExternValue.Instance instance;
  }

  private static final String ROOT = "";
  private final Map<String, InterfaceDef<T>> interfaces = new LinkedHashMap<>();

  private InterfaceDef<T> iface(String name) {
    InterfaceDef<T> d =
        interfaces.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new InterfaceDef<>());
    if (d.instance != null) {
      throw new IllegalStateException(name + " is already defined by a component instance");
    }
    return d;
  }

  /**
   * Defines function {@code function} of interface {@code interfaceName}, implemented without
   * per-instance state.
   *
   * @param type the function's type, checked against the import's; null to accept any type
   */
  public Linker<T> defineFunction(
      String interfaceName, String function, FuncType type, HostFunction implementation) {
    Objects.requireNonNull(implementation, "implementation");
    return defineFunction(interfaceName, function, type, (state, args) -> implementation.call(args));
  }

  /**
   * Defines function {@code function} of interface {@code interfaceName}; each call receives the
   * host state of the calling instance.
   *
   * @param type the function's type, checked against the import's; null to accept any type
   */
  public Linker<T> defineFunction(
      String interfaceName,
      String function,
      FuncType type,
      StatefulHostFunction<T> implementation) {
    iface(interfaceName)
        .funcs
        .put(
            function,
            new FuncDef<>(Optional.ofNullable(type), Objects.requireNonNull(implementation)));
    return this;
  }

  /** Defines a function imported at the root of a component under its plain name. */
  public Linker<T> defineFunction(String function, FuncType type, HostFunction implementation) {
    return defineFunction(ROOT, function, type, implementation);
  }

  /**
   * The host's type for resource {@code resource} of interface {@code interfaceName}, created on
   * first use, so that one interface's definitions can mention another's resources before that
   * interface is defined. Host functions receive and return {@link
   * io.cloister.component.values.Value.ResourceValue}s of this type, whose {@code rep} the host
   * chooses.
   */
  public ResourceType resourceType(String interfaceName, String resource) {
    return iface(interfaceName)
        .resources
        .computeIfAbsent(resource, r -> new ResourceDef<>(new ResourceType(r), null))
        .type();
  }

  /**
   * Defines resource {@code resource} of interface {@code interfaceName}, implemented by the host;
   * {@code destructor} (may be null) runs when a guest drops its last owning handle.
   */
  public ResourceType defineResource(
      String interfaceName, String resource, ResourceDestructor destructor) {
    return defineResource(
        interfaceName,
        resource,
        destructor == null ? null : (HostResourceDestructor<T>) (state, rep) -> destructor.destroy(rep));
  }

  /**
   * Defines resource {@code resource} of interface {@code interfaceName}, implemented by the host;
   * {@code destructor} (may be null) runs with the holding instance's state when a guest drops its
   * last owning handle. Returns the same type as {@link #resourceType}.
   */
  public ResourceType defineResource(
      String interfaceName, String resource, HostResourceDestructor<T> destructor) {
    ResourceType type = resourceType(interfaceName, resource);
    iface(interfaceName).resources.put(resource, new ResourceDef<>(type, destructor));
    return type;
  }

  /** Defines a resource imported at the root of a component under its plain name. */
  public ResourceType defineResource(String resource, ResourceDestructor destructor) {
    return defineResource(ROOT, resource, destructor);
  }

  /**
   * The function defined as {@code function} of exactly {@code interfaceName}, for tools and tests
   * that call definitions directly, as the runtime would.
   */
  public Optional<StatefulHostFunction<T>> definedFunction(String interfaceName, String function) {
    InterfaceDef<T> d = interfaces.get(interfaceName);
    return d == null ? Optional.empty() : Optional.ofNullable(d.funcs.get(function)).map(FuncDef::function);
  }

  /** The destructor defined for the host resource type {@code type}, if any. */
  public Optional<HostResourceDestructor<T>> definedDestructor(ResourceType type) {
    for (InterfaceDef<T> d : interfaces.values()) {
      for (ResourceDef<T> r : d.resources.values()) {
        if (r.type() == type) {
          return Optional.ofNullable(r.destructor());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Provides import {@code importName} with the interface {@code exportName} that another
   * component instance exports: composes components from Java.
   */
  public Linker<T> defineInstance(String importName, ComponentInstance other, String exportName) {
    ExternValue v =
        other
            .exports()
            .export(exportName)
            .orElseThrow(() -> new IllegalArgumentException("the instance exports no " + exportName));
    if (!(v instanceof ExternValue.Instance i)) {
      throw new IllegalArgumentException(exportName + " is not an exported instance");
    }
    InterfaceDef<T> d = interfaces.computeIfAbsent(importName, n -> new InterfaceDef<>());
    d.instance = i;
    return this;
  }

  /**
   * Defines every interface (and root function) that {@code component} imports and this linker
   * does not know at all, each function implemented by what {@code stub} makes for its qualified
   * name ({@code interface#function}), so that such a component still links: a host grants what it
   * knows and refuses the rest at call time. Interfaces the linker knows are left alone, so a
   * function missing from one of them, or one of the wrong type, is still a link error.
   *
   * @return the interfaces and root functions so defined, in import order
   */
  public List<String> defineUnknownImports(Component component, Function<String, HostFunction> stub) {
    List<String> defined = new ArrayList<>();
    for (ExternDecl imp : component.type().imports()) {
      if (imp.type() instanceof InstanceType it
          && lookup(imp.name()) == null
          && it.exports().stream().anyMatch(d -> d.type() instanceof FuncType)) {
        for (ExternDecl d : it.exports()) {
          if (d.type() instanceof FuncType) {
            defineFunction(imp.name(), d.name(), null, stub.apply(imp.name() + "#" + d.name()));
          }
        }
        defined.add(imp.name());
      } else if (imp.type() instanceof FuncType) {
        InterfaceDef<T> root = interfaces.get(ROOT);
        if (root == null || !root.funcs.containsKey(imp.name())) {
          defineFunction(imp.name(), null, stub.apply(imp.name()));
          defined.add(imp.name());
        }
      }
    }
    return defined;
  }

  /**
   * Resolves and type-checks every import of {@code component} once; the result instantiates it
   * any number of times.
   *
   * @throws ComponentLinkException if some imports are missing or do not fit, listing all of them
   */
  public InstancePre<T> prepare(Component component) throws ComponentLinkException {
    Resolution<T> r = new Resolution<>();
    Map<String, InstancePre.Import<T>> imports = new LinkedHashMap<>();
    for (ExternDecl imp : component.type().imports()) {
      InstancePre.Import<T> v = resolve(imp, r);
      if (v != null) {
        imports.put(imp.name(), v);
      }
    }
    if (!r.problems.isEmpty()) {
      throw new ComponentLinkException(r.problems);
    }
    return new InstancePre<>(component, imports, r.destructors);
  }

  /**
   * Instantiates {@code component} with this linker's definitions and no host state ({@code null}).
   *
   * @throws ComponentLinkException if some imports are missing or do not fit, listing all of them
   * @throws io.cloister.component.runtime.ComponentTrapException if a core module traps at start
   */
  public ComponentInstance instantiate(Component component) throws ComponentLinkException {
    return prepare(component).instantiate(null);
  }

  /** The names of the imports of {@code component} this linker cannot satisfy, with reasons. */
  public List<String> unsatisfied(Component component) {
    Resolution<T> r = new Resolution<>();
    for (ExternDecl imp : component.type().imports()) {
      resolve(imp, r);
    }
    return r.problems;
  }

  /** What resolving one component's imports collects. */
  private static final class Resolution<T> {
    final List<String> problems = new ArrayList<>();
    final Map<ResourceType, HostResourceDestructor<T>> destructors = new IdentityHashMap<>();
    final Map<ResourceType, ResourceType> resources = new IdentityHashMap<>();
  }

  private InstancePre.Import<T> resolve(ExternDecl imp, Resolution<T> r) {
    switch (imp.type()) {
      case InstanceType it -> {
        InterfaceDef<T> def = lookup(imp.name());
        if (def == null && it.exports().stream().allMatch(d -> d.type() instanceof TypeExtern)) {
          // An interface of types only needs nothing from the host: its resources stay abstract.
          def = new InterfaceDef<>();
        }
        if (def == null) {
          r.problems.add("missing interface " + imp.name() + " (" + functionNames(it) + ")");
          return null;
        }
        if (def.instance != null) {
          return new InstancePre.Import.Fixed<>(def.instance);
        }
        return instance(imp.name(), it, def, r);
      }
      case FuncType ft -> {
        InterfaceDef<T> root = interfaces.get(ROOT);
        FuncDef<T> f = root == null ? null : root.funcs.get(imp.name());
        if (f == null) {
          r.problems.add("missing function " + imp.name() + ": " + TypeText.of(ft));
          return null;
        }
        return func(imp.name(), ft, f, r);
      }
      case TypeExtern te when te.type() instanceof ResourceType res -> {
        InterfaceDef<T> root = interfaces.get(ROOT);
        ResourceDef<T> rd = root == null ? null : root.resources.get(imp.name());
        if (rd == null) {
          return new InstancePre.Import.Fixed<>(new ExternValue.Type(res));
        }
        bindResource(res, rd, r);
        return new InstancePre.Import.Fixed<>(new ExternValue.Type(rd.type()));
      }
      case TypeExtern te -> {
        return new InstancePre.Import.Fixed<>(new ExternValue.Type(te.type()));
      }
      default -> {
        r.problems.add(
            "unsupported import " + imp.name() + " of kind " + imp.type().getClass().getSimpleName());
        return null;
      }
    }
  }

  private InterfaceDef<T> lookup(String name) {
    InterfaceDef<T> exact = interfaces.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, InterfaceDef<T>> e : interfaces.entrySet()) {
      if (!e.getKey().equals(ROOT) && InterfaceVersions.compatible(name, e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private InstancePre.Import<T> instance(
      String name, InstanceType it, InterfaceDef<T> def, Resolution<T> r) {
    Map<String, ExternValue> fixed = new LinkedHashMap<>();
    Map<String, InstancePre.Import.Func<T>> funcs = new LinkedHashMap<>();
    // Resources first: function types below mention them.
    for (ExternDecl d : it.exports()) {
      if (d.type() instanceof TypeExtern te) {
        DefType t = te.type();
        ResourceDef<T> rd = def.resources.get(d.name());
        if (t instanceof ResourceType res && rd != null) {
          bindResource(res, rd, r);
          fixed.put(d.name(), new ExternValue.Type(rd.type()));
        } else {
          fixed.put(
              d.name(),
              new ExternValue.Type(
                  t instanceof ResourceType res ? r.resources.getOrDefault(res, res) : t));
        }
      }
    }
    for (ExternDecl d : it.exports()) {
      if (d.type() instanceof FuncType ft) {
        FuncDef<T> f = def.funcs.get(d.name());
        if (f == null) {
          r.problems.add("missing function " + name + "#" + d.name() + ": " + TypeText.of(ft));
          continue;
        }
        InstancePre.Import.Func<T> fn = func(name + "#" + d.name(), ft, f, r);
        if (fn != null) {
          funcs.put(d.name(), fn);
        }
      } else if (!(d.type() instanceof TypeExtern)) {
        r.problems.add("unsupported export " + d.name() + " in imported interface " + name);
      }
    }
    return new InstancePre.Import.Instance<>(fixed, funcs);
  }

  private static <T> void bindResource(ResourceType declared, ResourceDef<T> rd, Resolution<T> r) {
    r.resources.put(declared, rd.type());
    if (rd.destructor() != null) {
      r.destructors.put(rd.type(), rd.destructor());
    }
  }

  private static <T> InstancePre.Import.Func<T> func(
      String qualified, FuncType declared, FuncDef<T> f, Resolution<T> r) {
    if (f.type().isPresent()) {
      TypeSubstitution subst = new TypeSubstitution();
      r.resources.forEach(subst::put);
      FuncType want = subst.apply(declared);
      if (!want.equals(f.type().get())) {
        r.problems.add(
            "function "
                + qualified
                + " is imported as "
                + TypeText.of(want)
                + " but the host defines "
                + TypeText.of(f.type().get()));
        return null;
      }
    }
    return new InstancePre.Import.Func<>(qualified, declared, f.function());
  }

  private static String functionNames(InstanceType it) {
    List<String> names = new ArrayList<>();
    for (ExternDecl d : it.exports()) {
      if (d.type() instanceof FuncType) {
        names.add(d.name());
      }
    }
    return "functions " + String.join(", ", names);
  }
}
