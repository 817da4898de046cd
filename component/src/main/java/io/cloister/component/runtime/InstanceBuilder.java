package io.cloister.component.runtime;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.cloister.component.abi.CallContext;
import io.cloister.component.abi.CallPlan;
import io.cloister.component.abi.CanonOptions;
import io.cloister.component.abi.PostReturn;
import io.cloister.component.abi.Realloc;
import io.cloister.component.abi.ResourceTable;
import io.cloister.component.abi.StringEncoding;
import io.cloister.component.abi.ValueMismatchException;
import io.cloister.component.binary.Alias;
import io.cloister.component.binary.Canon;
import io.cloister.component.binary.CanonOption;
import io.cloister.component.binary.Definition;
import io.cloister.component.binary.Sort;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreFunction;
import io.cloister.component.engine.CoreGlobal;
import io.cloister.component.engine.CoreImports;
import io.cloister.component.engine.CoreInstance;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.engine.CoreStore;
import io.cloister.component.engine.CoreTable;
import io.cloister.component.engine.LinearMemory;
import io.cloister.component.types.DefType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instantiates one component body: replays its definitions in order, building the runtime index
 * spaces (core instances in the engine's store, canonical functions, nested component instances) and its
 * exports. One builder per component instance; nested instances get their own.
 */
final class InstanceBuilder {
  private static final FunctionType I32_TO_I32 =
      FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
  private static final FunctionType I32_TO_NONE = FunctionType.of(List.of(ValType.I32), List.of());

  private final Component component;
  private final ValidatedComponent body;
  private final InstanceBuilder enclosing;
  private final Instantiation instantiation;
  private final ResourceTable table = new ResourceTable();
  private final ReentranceGuard guard = new ReentranceGuard();
  private final TypeSubstitution subst = new TypeSubstitution();
  private final Map<Integer, String> funcNames;

  private final List<CoreFunction> coreFuncs = new ArrayList<>();
  private final List<CoreTable> coreTables = new ArrayList<>();
  private final List<LinearMemory> coreMemories = new ArrayList<>();
  private final List<CoreGlobal> coreGlobals = new ArrayList<>();
  private final List<CoreModule> coreModules = new ArrayList<>();
  private final List<CoreInstance> coreInstances = new ArrayList<>();
  private final List<ComponentFunction> funcs = new ArrayList<>();
  private final List<DefType> types = new ArrayList<>();
  private final List<ExternValue.Instance> instances = new ArrayList<>();
  private final List<ComponentDefinition> components = new ArrayList<>();
  private final Map<String, ExternValue> exports = new LinkedHashMap<>();

  /** State shared by all component instances made by one top-level instantiation. */
  static final class Instantiation {
    final List<ResourceTable> tables = new ArrayList<>();
    final CoreStore store;
    final Map<ResourceType, io.cloister.component.abi.ResourceDestructor> destructors =
        new java.util.IdentityHashMap<>();

    Instantiation(EngineOptions options) {
      this.store = options.engine().newStore(options.maxMemoryBytes());
    }

    /** Lets every instance's table destroy resources defined elsewhere when it drops them. */
    void shareDestructors() {
      for (ResourceTable t : tables) {
        destructors.forEach(
            (type, d) -> {
              if (!t.defines(type)) {
                t.registerDestructor(type, d);
              }
            });
      }
    }
  }

  InstanceBuilder(
      Component component,
      ValidatedComponent body,
      InstanceBuilder enclosing,
      Instantiation instantiation) {
    this.component = component;
    this.body = body;
    this.enclosing = enclosing;
    this.instantiation = instantiation;
    this.funcNames = exportedFuncNames(body);
    instantiation.tables.add(table);
  }

  /** Runs the definitions with {@code imports} bound by name; returns the instance's exports. */
  ExternValue.Instance run(Map<String, ExternValue> imports) {
    List<Definition> defs = body.ast().definitions();
    for (int i = 0; i < defs.size(); i++) {
      definition(defs.get(i), imports);
    }
    return new ExternValue.Instance(exports);
  }

  private void definition(Definition d, Map<String, ExternValue> imports) {
    switch (d) {
      case Definition.CoreModule m -> coreModules.add(component.module(m));
      case Definition.CoreInstantiate ci -> coreInstances.add(coreInstantiate(ci));
      case Definition.CoreInlineInstance ci -> {
        Map<String, CoreExtern> items = new LinkedHashMap<>();
        for (Definition.InlineExport e : ci.exports()) {
          items.put(e.name(), coreItem(e.sort(), e.index()));
        }
        coreInstances.add(new CoreItems(items));
      }
      case Definition.CoreType t -> {}
      case Definition.NestedComponent nc ->
          components.add(new ComponentDefinition(body.componentBodies().get(components.size()), this));
      case Definition.Instantiate in -> {
        ComponentDefinition def = components.get(in.componentIndex());
        Map<String, ExternValue> args = new LinkedHashMap<>();
        for (Definition.InlineExport a : in.args()) {
          args.put(a.name(), item(a.sort(), a.index()));
        }
        instances.add(
            new InstanceBuilder(component, def.body(), def.enclosing(), instantiation).run(args));
      }
      case Definition.InlineInstance in -> {
        Map<String, ExternValue> items = new LinkedHashMap<>();
        for (Definition.InlineExport e : in.exports()) {
          items.put(e.name(), item(e.sort(), e.index()));
        }
        instances.add(new ExternValue.Instance(items));
      }
      case Definition.AliasDef a -> alias(a.alias());
      case Definition.Type t -> {
        DefType declared = body.types().get(types.size());
        types.add(subst.apply(declared));
        if (declared instanceof ResourceType rt) {
          int dtor = body.resourceDtors().get(rt);
          io.cloister.component.abi.ResourceDestructor destructor = null;
          if (dtor >= 0) {
            CoreFunction f = coreFuncs.get(dtor);
            destructor = rep -> f.call(rep);
            instantiation.destructors.put(rt, destructor);
          }
          table.defineResource(rt, destructor);
        }
      }
      case Definition.CanonDef c -> canon(c.canon());
      case Definition.Start s -> throw new UnsupportedOperationException("component start functions");
      case Definition.Import im -> bindImport(im, imports.get(im.name()));
      case Definition.Export ex -> {
        ExternValue v = item(ex.sort(), ex.index());
        exports.put(ex.name(), v);
        addItem(ex.sort(), v);
      }
      case Definition.ValueDef v -> throw new UnsupportedOperationException("component values");
    }
  }

  // ---- imports and items ----

  private void bindImport(Definition.Import im, ExternValue v) {
    if (v == null) {
      throw new IllegalStateException("import \"" + im.name() + "\" was not provided");
    }
    Sort sort = Definition.sortOf(im.desc());
    if (sort == Sort.INSTANCE) {
      bindResources(body.instances().get(instances.size()), (ExternValue.Instance) v);
    }
    addItem(sort, v);
  }

  /** Maps the abstract resources an imported instance type declares to the provided ones. */
  private void bindResources(InstanceType declared, ExternValue.Instance given) {
    for (ExternDecl d : declared.exports()) {
      ExternValue v = given.exports().get(d.name());
      if (d.type() instanceof TypeExtern te
          && te.type() instanceof ResourceType r
          && v instanceof ExternValue.Type t
          && t.type() instanceof ResourceType actual) {
        subst.put(r, actual);
      } else if (d.type() instanceof InstanceType it && v instanceof ExternValue.Instance inner) {
        bindResources(it, inner);
      }
    }
  }

  /** Adds {@code v} to the index space of {@code sort}. */
  private void addItem(Sort sort, ExternValue v) {
    switch (sort) {
      case FUNC -> funcs.add(((ExternValue.Func) v).function());
      case TYPE -> {
        DefType declared = body.types().get(types.size());
        if (declared instanceof ResourceType r && ((ExternValue.Type) v).type() instanceof ResourceType actual) {
          subst.put(r, actual);
          types.add(actual);
        } else {
          types.add(subst.apply(declared));
        }
      }
      case INSTANCE -> instances.add((ExternValue.Instance) v);
      case COMPONENT -> components.add((ComponentDefinition) v);
      case CORE_MODULE -> coreModules.add(((ModuleDefinition) v).module());
      default -> throw new IllegalStateException("cannot bind a " + sort);
    }
  }

  private ExternValue item(Sort sort, int idx) {
    return switch (sort) {
      case FUNC -> new ExternValue.Func(funcs.get(idx));
      case TYPE -> new ExternValue.Type(types.get(idx));
      case INSTANCE -> instances.get(idx);
      case COMPONENT -> components.get(idx);
      case CORE_MODULE -> new ModuleDefinition(coreModules.get(idx));
      default -> throw new IllegalStateException("a " + sort + " is not a component-level item");
    };
  }

  private CoreExtern coreItem(Sort sort, int idx) {
    return switch (sort) {
      case CORE_FUNC -> coreFuncs.get(idx);
      case CORE_TABLE -> coreTables.get(idx);
      case CORE_MEMORY -> coreMemories.get(idx);
      case CORE_GLOBAL -> coreGlobals.get(idx);
      default -> throw new IllegalStateException("a " + sort + " cannot be a core export");
    };
  }

  private void addCore(CoreExtern item) {
    switch (item) {
      case CoreFunction f -> coreFuncs.add(f);
      case LinearMemory m -> coreMemories.add(m);
      case CoreTable t -> coreTables.add(t);
      case CoreGlobal g -> coreGlobals.add(g);
    }
  }

  private void alias(Alias a) {
    switch (a.target()) {
      case Alias.InstanceExport ie -> {
        ExternValue v = instances.get(ie.instanceIndex()).exports().get(ie.name());
        addItem(a.sort(), v);
      }
      case Alias.CoreInstanceExport ce -> {
        CoreExtern item = coreInstances.get(ce.coreInstanceIndex()).export(ce.name());
        if (item == null) {
          throw new IllegalStateException("core export \"" + ce.name() + "\" is not available");
        }
        addCore(item);
      }
      case Alias.Outer o -> {
        InstanceBuilder target = this;
        for (int i = 0; i < o.count(); i++) {
          target = target.enclosing;
        }
        switch (a.sort()) {
          case TYPE -> types.add(target.types.get(o.index()));
          case CORE_MODULE -> coreModules.add(target.coreModules.get(o.index()));
          case COMPONENT -> components.add(target.components.get(o.index()));
          default -> {}
        }
      }
    }
  }

  // ---- core instances ----

  private CoreInstance coreInstantiate(Definition.CoreInstantiate ci) {
    int coreIndex = coreInstances.size();
    CoreModule module = coreModules.get(ci.moduleIndex());
    Map<String, CoreInstance> args = new HashMap<>();
    for (Definition.CoreArg a : ci.args()) {
      args.put(a.name(), coreInstances.get(a.coreInstanceIndex()));
    }
    CoreImports imports = (moduleName, name) -> args.get(moduleName).export(name);
    return instantiation.store.instantiate(module, imports, "core instance " + coreIndex);
  }

  // ---- canonical definitions ----

  private void canon(Canon c) {
    switch (c) {
      case Canon.Lift l -> {
        int funcIndex = funcs.size();
        FuncType type = (FuncType) types.get(l.typeIndex());
        String name = funcNames.getOrDefault(funcIndex, "func " + funcIndex);
        CanonOptions options = options(l.options());
        funcs.add(
            new LiftedFunction(
                name,
                component.plan(type),
                coreFuncs.get(l.coreFuncIndex()),
                options,
                table,
                guard));
      }
      case Canon.Lower l -> {
        ComponentFunction callee = funcs.get(l.funcIndex());
        CallPlan plan = component.plan(subst.apply(body.funcs().get(l.funcIndex())));
        CanonOptions options = options(l.options());
        coreFuncs.add(
            CoreFunction.host(
                plan.lowerSignature().toFunctionType(),
                args -> callOut(callee, plan, options, args)));
      }
      case Canon.ResourceNew r -> {
        ResourceType rt = (ResourceType) types.get(r.typeIndex());
        coreFuncs.add(
            CoreFunction.host(I32_TO_I32, a -> new long[] {table.resourceNew(rt, (int) a[0])}));
      }
      case Canon.ResourceRep r -> {
        ResourceType rt = (ResourceType) types.get(r.typeIndex());
        coreFuncs.add(
            CoreFunction.host(I32_TO_I32, a -> new long[] {table.resourceRep(rt, (int) a[0])}));
      }
      case Canon.ResourceDrop r -> {
        ResourceType rt = (ResourceType) types.get(r.typeIndex());
        coreFuncs.add(
            CoreFunction.host(
                I32_TO_NONE,
                a -> {
                  table.resourceDrop(rt, (int) a[0]);
                  return new long[0];
                }));
      }
      case Canon.Unsupported u ->
          coreFuncs.add(
              CoreFunction.host(
                  null,
                  a -> {
                    throw new UnsupportedOperationException(u.name() + " is not supported");
                  }));
    }
  }

  /** A guest calls an imported function through {@code canon lower}. */
  private long[] callOut(ComponentFunction callee, CallPlan plan, CanonOptions options, long[] args) {
    CallContext cx = new CallContext(options, table);
    List<Value> values = plan.liftArguments(args, cx);
    List<Value> results;
    try {
      results = callee.call(values);
    } catch (ComponentTrapException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ComponentTrapException(callee.name(), "host function failed: " + e, e);
    }
    try {
      return plan.lowerResults(results, args, cx);
    } catch (ValueMismatchException e) {
      throw new ComponentTrapException(
          callee.name(), "returned a value that does not fit its type: " + e.getMessage(), e);
    }
  }

  private CanonOptions options(List<CanonOption> opts) {
    StringEncoding encoding = StringEncoding.UTF8;
    LinearMemory memory = null;
    Realloc realloc = null;
    PostReturn postReturn = null;
    for (CanonOption o : opts) {
      switch (o) {
        case CanonOption.Encoding e ->
            encoding =
                switch (e.encoding()) {
                  case UTF8 -> StringEncoding.UTF8;
                  case UTF16 -> StringEncoding.UTF16;
                  case LATIN1_UTF16 -> StringEncoding.LATIN1_UTF16;
                };
        case CanonOption.Memory m -> memory = coreMemories.get(m.coreMemoryIndex());
        case CanonOption.Realloc r -> {
          CoreFunction f = coreFuncs.get(r.coreFuncIndex());
          realloc = (ptr, oldSize, align, newSize) -> (int) f.call(ptr, oldSize, align, newSize)[0];
        }
        case CanonOption.PostReturn p -> {
          CoreFunction f = coreFuncs.get(p.coreFuncIndex());
          postReturn = f::call;
        }
        case CanonOption.Async a -> {}
        case CanonOption.Callback cb -> {}
      }
    }
    return new CanonOptions(encoding, memory, realloc, postReturn);
  }

  /** For each function index this body exports, the export's name (for traps). */
  private static Map<Integer, String> exportedFuncNames(ValidatedComponent body) {
    Map<Integer, String> names = new HashMap<>();
    for (Definition d : body.ast().definitions()) {
      if (d instanceof Definition.Export e && e.sort() == Sort.FUNC) {
        names.putIfAbsent(e.index(), e.name());
      } else if (d instanceof Definition.InlineInstance in) {
        for (Definition.InlineExport e : in.exports()) {
          if (e.sort() == Sort.FUNC) {
            names.putIfAbsent(e.index(), e.name());
          }
        }
      }
    }
    return names;
  }
}
