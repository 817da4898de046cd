package io.cloister.component.link;

import io.cloister.component.abi.ResourceDestructor;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentFunction;
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

/**
 * Host definitions by name, and instantiation of components against them. Interfaces are named as
 * components import them ({@code wasi:cli/environment@0.2.0}); a definition under one version
 * satisfies imports of any {@link InterfaceVersions#compatible compatible} version. Functions
 * imported at the root of a component are defined by their plain name.
 *
 * <p>Each import is checked before anything runs: a function the host declared with a {@link
 * FuncType} must have exactly the shape the component imports; every missing or ill-fitting import
 * is reported together in one {@link ComponentLinkException}. A linker may be reused for many
 * instantiations; it is not thread-safe while being defined.
 */
public final class Linker {
  private record FuncDef(Optional<FuncType> type, HostFunction function) {}

  private record ResourceDef(ResourceType type, ResourceDestructor destructor) {}

  /** Definitions of one interface (or, under the empty name, of the root). */
  private static final class InterfaceDef {
    final Map<String, FuncDef> funcs = new LinkedHashMap<>();
    final Map<String, ResourceDef> resources = new LinkedHashMap<>();
    ExternValue.Instance instance;
  }

  private static final String ROOT = "";
  private final Map<String, InterfaceDef> interfaces = new LinkedHashMap<>();

  private InterfaceDef iface(String name) {
    InterfaceDef d = interfaces.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new InterfaceDef());
    if (d.instance != null) {
      throw new IllegalStateException(name + " is already defined by a component instance");
    }
    return d;
  }

  /**
   * Defines function {@code function} of interface {@code interfaceName}.
   *
   * @param type the function's type, checked against the import's; null to accept any type
   */
  public Linker defineFunction(
      String interfaceName, String function, FuncType type, HostFunction implementation) {
    iface(interfaceName)
        .funcs
        .put(function, new FuncDef(Optional.ofNullable(type), Objects.requireNonNull(implementation)));
    return this;
  }

  /** Defines a function imported at the root of a component under its plain name. */
  public Linker defineFunction(String function, FuncType type, HostFunction implementation) {
    return defineFunction(ROOT, function, type, implementation);
  }

  /**
   * Defines resource {@code resource} of interface {@code interfaceName}, implemented by the host.
   * Host functions of that interface receive and return {@link
   * io.cloister.component.values.Value.ResourceValue}s of the returned type, whose {@code rep} the
   * host chooses; {@code destructor} (may be null) runs when a guest drops its last owning handle.
   */
  public ResourceType defineResource(
      String interfaceName, String resource, ResourceDestructor destructor) {
    ResourceType type = new ResourceType(resource);
    iface(interfaceName).resources.put(resource, new ResourceDef(type, destructor));
    return type;
  }

  /** Defines a resource imported at the root of a component under its plain name. */
  public ResourceType defineResource(String resource, ResourceDestructor destructor) {
    return defineResource(ROOT, resource, destructor);
  }

  /**
   * Provides import {@code importName} with the interface {@code exportName} that another
   * component instance exports: composes components from Java.
   */
  public Linker defineInstance(String importName, ComponentInstance other, String exportName) {
    ExternValue v =
        other
            .exports()
            .export(exportName)
            .orElseThrow(() -> new IllegalArgumentException("the instance exports no " + exportName));
    if (!(v instanceof ExternValue.Instance i)) {
      throw new IllegalArgumentException(exportName + " is not an exported instance");
    }
    InterfaceDef d = interfaces.computeIfAbsent(importName, n -> new InterfaceDef());
    d.instance = i;
    return this;
  }

  /**
   * Instantiates {@code component} with this linker's definitions.
   *
   * @throws ComponentLinkException if some imports are missing or do not fit, listing all of them
   * @throws io.cloister.component.runtime.ComponentTrapException if a core module traps at start
   */
  public ComponentInstance instantiate(Component component) throws ComponentLinkException {
    List<String> problems = new ArrayList<>();
    Map<String, ExternValue> imports = new LinkedHashMap<>();
    Map<ResourceType, ResourceDestructor> destructors = new IdentityHashMap<>();
    Map<ResourceType, ResourceType> resources = new IdentityHashMap<>();
    for (ExternDecl imp : component.type().imports()) {
      ExternValue v = resolve(imp, problems, destructors, resources);
      if (v != null) {
        imports.put(imp.name(), v);
      }
    }
    if (!problems.isEmpty()) {
      throw new ComponentLinkException(problems);
    }
    return ComponentInstance.instantiate(component, imports, destructors);
  }

  /** The names of the imports of {@code component} this linker cannot satisfy, with reasons. */
  public List<String> unsatisfied(Component component) {
    List<String> problems = new ArrayList<>();
    for (ExternDecl imp : component.type().imports()) {
      resolve(imp, problems, new IdentityHashMap<>(), new IdentityHashMap<>());
    }
    return problems;
  }

  private ExternValue resolve(
      ExternDecl imp,
      List<String> problems,
      Map<ResourceType, ResourceDestructor> destructors,
      Map<ResourceType, ResourceType> resources) {
    switch (imp.type()) {
      case InstanceType it -> {
        InterfaceDef def = lookup(imp.name());
        if (def == null && it.exports().stream().allMatch(d -> d.type() instanceof TypeExtern)) {
          // An interface of types only needs nothing from the host: its resources stay abstract.
          def = new InterfaceDef();
        }
        if (def == null) {
          problems.add("missing interface " + imp.name() + " (" + functionNames(it) + ")");
          return null;
        }
        if (def.instance != null) {
          return def.instance;
        }
        return instance(imp.name(), it, def, problems, destructors, resources);
      }
      case FuncType ft -> {
        InterfaceDef root = interfaces.get(ROOT);
        FuncDef f = root == null ? null : root.funcs.get(imp.name());
        if (f == null) {
          problems.add("missing function " + imp.name() + ": " + ft);
          return null;
        }
        return funcOrNull(func(imp.name(), ft, f, problems, resources));
      }
      case TypeExtern te when te.type() instanceof ResourceType r -> {
        InterfaceDef root = interfaces.get(ROOT);
        ResourceDef rd = root == null ? null : root.resources.get(imp.name());
        if (rd == null) {
          return new ExternValue.Type(r);
        }
        bindResource(r, rd, destructors, resources);
        return new ExternValue.Type(rd.type());
      }
      case TypeExtern te -> {
        return new ExternValue.Type(te.type());
      }
      default -> {
        problems.add("unsupported import " + imp.name() + " of kind " + imp.type().getClass().getSimpleName());
        return null;
      }
    }
  }

  private InterfaceDef lookup(String name) {
    InterfaceDef exact = interfaces.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, InterfaceDef> e : interfaces.entrySet()) {
      if (!e.getKey().equals(ROOT) && InterfaceVersions.compatible(name, e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private ExternValue.Instance instance(
      String name,
      InstanceType it,
      InterfaceDef def,
      List<String> problems,
      Map<ResourceType, ResourceDestructor> destructors,
      Map<ResourceType, ResourceType> resources) {
    Map<String, ExternValue> items = new LinkedHashMap<>();
    // Resources first: function types below mention them.
    for (ExternDecl d : it.exports()) {
      if (d.type() instanceof TypeExtern te) {
        DefType t = te.type();
        ResourceDef rd = def.resources.get(d.name());
        if (t instanceof ResourceType r && rd != null) {
          bindResource(r, rd, destructors, resources);
          items.put(d.name(), new ExternValue.Type(rd.type()));
        } else {
          items.put(d.name(), new ExternValue.Type(t instanceof ResourceType r ? resources.getOrDefault(r, r) : t));
        }
      }
    }
    for (ExternDecl d : it.exports()) {
      if (d.type() instanceof FuncType ft) {
        FuncDef f = def.funcs.get(d.name());
        if (f == null) {
          problems.add("missing function " + name + "#" + d.name() + ": " + ft);
          continue;
        }
        ComponentFunction fn = func(name + "#" + d.name(), ft, f, problems, resources);
        if (fn != null) {
          items.put(d.name(), new ExternValue.Func(fn));
        }
      } else if (!(d.type() instanceof TypeExtern)) {
        problems.add("unsupported export " + d.name() + " in imported interface " + name);
      }
    }
    return new ExternValue.Instance(items);
  }

  private static void bindResource(
      ResourceType declared,
      ResourceDef rd,
      Map<ResourceType, ResourceDestructor> destructors,
      Map<ResourceType, ResourceType> resources) {
    resources.put(declared, rd.type());
    if (rd.destructor() != null) {
      destructors.put(rd.type(), rd.destructor());
    }
  }

  private static ExternValue.Func funcOrNull(ComponentFunction f) {
    return f == null ? null : new ExternValue.Func(f);
  }

  private ComponentFunction func(
      String qualified,
      FuncType declared,
      FuncDef f,
      List<String> problems,
      Map<ResourceType, ResourceType> resources) {
    if (f.type().isPresent()) {
      TypeSubstitution subst = new TypeSubstitution();
      resources.forEach(subst::put);
      FuncType want = subst.apply(declared);
      if (!want.equals(f.type().get())) {
        problems.add(
            "function " + qualified + " is imported as " + want + " but the host defines "
                + f.type().get());
        return null;
      }
    }
    return new HostFunctionAdapter(qualified, declared, f.function());
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
