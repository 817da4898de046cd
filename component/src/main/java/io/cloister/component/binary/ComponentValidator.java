package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.DefType;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.ExternType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.types.ValueExtern;
import io.cloister.component.types.VariantType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@link ComponentAst}: builds every index space in definition order, checks each
 * index against its space, resolves aliases and types into {@link io.cloister.component.types},
 * and checks how core instances and canonical definitions are wired.
 */
public final class ComponentValidator {
  private static final FunctionType I32_TO_I32 = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
  private static final FunctionType I32_TO_NONE = FunctionType.of(List.of(ValType.I32), List.of());
  private static final FunctionType REALLOC =
      FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32));

  /** One scope of index spaces: a component, or a component or instance type being declared. */
  private static final class Scope {
    final Scope parent;
    final ComponentAst.ComponentNames names;
    final List<DefType> types = new ArrayList<>();
    final List<Object> coreTypes = new ArrayList<>();
    final List<FuncType> funcs = new ArrayList<>();
    final List<FunctionType> coreFuncs = new ArrayList<>();
    final List<CoreExternType> coreTables = new ArrayList<>();
    final List<CoreExternType> coreMemories = new ArrayList<>();
    final List<CoreExternType> coreGlobals = new ArrayList<>();
    final List<CoreExternType> coreTags = new ArrayList<>();
    final List<CoreModuleInfo> coreModules = new ArrayList<>();
    final List<Map<String, CoreExternType>> coreInstances = new ArrayList<>();
    final List<InstanceType> instances = new ArrayList<>();
    final List<ComponentType> components = new ArrayList<>();
    final List<ValidatedComponent> componentBodies = new ArrayList<>();
    final List<io.cloister.component.types.ValType> values = new ArrayList<>();
    final List<ExternDecl> imports = new ArrayList<>();
    final List<ExternDecl> exports = new ArrayList<>();
    final Set<String> importNames = new HashSet<>();
    final Set<String> exportNames = new HashSet<>();
    final Map<ResourceType, Integer> resourceDtors = new IdentityHashMap<>();

    Scope(Scope parent, ComponentAst.ComponentNames names) {
      this.parent = parent;
      this.names = names;
    }
  }

  private int offset;

  private ComponentValidator() {}

  /** Validates a decoded component. */
  public static ValidatedComponent validate(ComponentAst ast) throws ComponentDecodeException {
    return new ComponentValidator().component(ast, null);
  }

  private ComponentDecodeException error(String rule) {
    return new ComponentDecodeException(offset, rule);
  }

  private ValidatedComponent component(ComponentAst ast, Scope parent)
      throws ComponentDecodeException {
    Scope s = new Scope(parent, ast.names());
    List<Definition> defs = ast.definitions();
    for (int i = 0; i < defs.size(); i++) {
      offset = ast.offsetOf(i);
      definition(s, defs.get(i));
    }
    return new ValidatedComponent(
        ast,
        new ComponentType(s.imports, s.exports),
        frozen(s.types),
        frozen(s.coreTypes),
        frozen(s.funcs),
        frozen(s.coreFuncs),
        frozen(s.coreTables),
        frozen(s.coreMemories),
        frozen(s.coreGlobals),
        frozen(s.coreModules),
        frozen(s.coreInstances),
        frozen(s.instances),
        frozen(s.components),
        frozen(s.componentBodies),
        frozen(s.values),
        Collections.unmodifiableMap(new IdentityHashMap<>(s.resourceDtors)));
  }

  private static <T> List<T> frozen(List<T> l) {
    return Collections.unmodifiableList(new ArrayList<>(l));
  }

  private void definition(Scope s, Definition d) throws ComponentDecodeException {
    switch (d) {
      case Definition.CoreModule m -> {
        s.coreModules.add(CoreModuleScanner.scan(m));
      }
      case Definition.CoreInstantiate ci -> s.coreInstances.add(coreInstantiate(s, ci));
      case Definition.CoreInlineInstance ci -> {
        Map<String, CoreExternType> exports = new LinkedHashMap<>();
        for (Definition.InlineExport e : ci.exports()) {
          if (exports.put(e.name(), coreItem(s, e.sort(), e.index())) != null) {
            throw error("duplicate core instance export \"" + e.name() + "\"");
          }
        }
        s.coreInstances.add(exports);
      }
      case Definition.CoreType ct -> s.coreTypes.add(coreType(s, ct.type()));
      case Definition.NestedComponent nc -> {
        int saved = offset;
        ValidatedComponent body = component(nc.component(), s);
        offset = saved;
        s.components.add(body.type());
        s.componentBodies.add(body);
      }
      case Definition.Instantiate in -> s.instances.add(instantiate(s, in));
      case Definition.InlineInstance in -> {
        List<ExternDecl> exports = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Definition.InlineExport e : in.exports()) {
          if (!names.add(e.name())) {
            throw error("duplicate instance export \"" + e.name() + "\"");
          }
          exports.add(new ExternDecl(e.name(), itemType(s, e.sort(), e.index())));
        }
        s.instances.add(new InstanceType(exports));
      }
      case Definition.AliasDef a -> alias(s, a.alias());
      case Definition.Type t -> {
        DefType dt;
        if (t.type() instanceof TypeDecl.Resource r) {
          String name = s.names.nameOf(Sort.TYPE, s.types.size());
          dt = new ResourceType(name != null ? name : "resource" + s.types.size());
          int dtor = -1;
          if (r.dtor().isPresent()) {
            dtor = r.dtor().get();
            FunctionType ft = coreFunc(s, dtor);
            if (ft != null && !ft.equals(I32_TO_NONE)) {
              throw error("resource destructor must have type [i32] -> []");
            }
          }
          s.resourceDtors.put((ResourceType) dt, dtor);
        } else {
          dt = defType(s, t.type());
        }
        s.types.add(dt);
      }
      case Definition.CanonDef c -> canon(s, c.canon());
      case Definition.Start st -> {
        func(s, st.funcIndex());
        for (int v : st.args()) {
          index(s.values, v, "value");
        }
      }
      case Definition.Import im -> {
        if (!s.importNames.add(im.name())) {
          throw error("duplicate import \"" + im.name() + "\"");
        }
        ExternType t = externType(s, im.desc(), im.name());
        addItem(s, im.desc(), t);
        s.imports.add(new ExternDecl(im.name(), t));
      }
      case Definition.Export ex -> {
        if (!s.exportNames.add(ex.name())) {
          throw error("duplicate export \"" + ex.name() + "\"");
        }
        ExternType inferred = itemType(s, ex.sort(), ex.index());
        ExternType t = inferred;
        if (ex.ascribed().isPresent()) {
          ExternDesc asc = ex.ascribed().get();
          if (Definition.sortOf(asc) != ex.sort()) {
            throw error("export \"" + ex.name() + "\" ascribes a " + Definition.sortOf(asc)
                + " type to a " + ex.sort());
          }
          t = asc instanceof ExternDesc.TypeSubResource ? inferred : externType(s, asc, ex.name());
        }
        if (ex.sort().isCore() && ex.sort() != Sort.CORE_MODULE) {
          throw error("cannot export a " + ex.sort());
        }
        addExportIndex(s, ex, t);
        s.exports.add(new ExternDecl(ex.name(), t));
      }
      case Definition.ValueDef v -> s.values.add(valType(s, v.type()));
    }
  }

  private void addExportIndex(Scope s, Definition.Export ex, ExternType t)
      throws ComponentDecodeException {
    switch (ex.sort()) {
      case CORE_MODULE -> s.coreModules.add(s.coreModules.get(ex.index()));
      case FUNC -> s.funcs.add((FuncType) t);
      case VALUE -> s.values.add(((ValueExtern) t).type());
      case TYPE -> s.types.add(((TypeExtern) t).type());
      case COMPONENT -> {
        s.components.add((ComponentType) t);
        s.componentBodies.add(s.componentBodies.get(ex.index()));
      }
      case INSTANCE -> s.instances.add((InstanceType) t);
      default -> throw error("cannot export a " + ex.sort());
    }
  }

  // ---- core instances ----

  private Map<String, CoreExternType> coreInstantiate(Scope s, Definition.CoreInstantiate ci)
      throws ComponentDecodeException {
    CoreModuleInfo module = index(s.coreModules, ci.moduleIndex(), "core module");
    Map<String, Map<String, CoreExternType>> args = new LinkedHashMap<>();
    for (Definition.CoreArg a : ci.args()) {
      if (args.put(a.name(), index(s.coreInstances, a.coreInstanceIndex(), "core instance"))
          != null) {
        throw error("duplicate core instantiation argument \"" + a.name() + "\"");
      }
    }
    for (CoreModuleInfo.Import imp : module.imports()) {
      Map<String, CoreExternType> arg = args.get(imp.module());
      if (arg == null) {
        throw error("core module " + ci.moduleIndex() + " imports from \"" + imp.module()
            + "\" but no instance of that name is given");
      }
      CoreExternType given = arg.get(imp.name());
      if (given == null) {
        throw error("core module " + ci.moduleIndex() + " imports \"" + imp.module() + "\" \""
            + imp.name() + "\", which the given instance does not export");
      }
      if (given.sort() != imp.type().sort()) {
        throw error("import \"" + imp.module() + "\" \"" + imp.name() + "\" expects a "
            + imp.type().kind() + ", given a " + given.kind());
      }
      if (imp.type() instanceof CoreExternType.Func want
          && given instanceof CoreExternType.Func got
          && got.type() != null
          && !want.type().equals(got.type())) {
        throw error("import \"" + imp.module() + "\" \"" + imp.name() + "\" expects "
            + want.type() + ", given " + got.type());
      }
    }
    return module.exports();
  }

  private CoreExternType coreItem(Scope s, Sort sort, int idx) throws ComponentDecodeException {
    return switch (sort) {
      case CORE_FUNC -> new CoreExternType.Func(coreFunc(s, idx));
      case CORE_TABLE -> index(s.coreTables, idx, "core table");
      case CORE_MEMORY -> index(s.coreMemories, idx, "core memory");
      case CORE_GLOBAL -> index(s.coreGlobals, idx, "core global");
      case CORE_TAG -> index(s.coreTags, idx, "core tag");
      default -> throw error("a core instance cannot export a " + sort);
    };
  }

  private FunctionType coreFunc(Scope s, int idx) throws ComponentDecodeException {
    if (idx < 0 || idx >= s.coreFuncs.size()) {
      throw error("core func index " + idx + " out of bounds (" + s.coreFuncs.size() + " defined)");
    }
    return s.coreFuncs.get(idx);
  }

  private Object coreType(Scope s, CoreTypeDecl t) throws ComponentDecodeException {
    return switch (t) {
      case CoreTypeDecl.Func f -> f.type();
      case CoreTypeDecl.Module m -> moduleType(s, m);
    };
  }

  private CoreModuleInfo moduleType(Scope s, CoreTypeDecl.Module m)
      throws ComponentDecodeException {
    List<FunctionType> local = new ArrayList<>();
    List<CoreModuleInfo.Import> imports = new ArrayList<>();
    Map<String, CoreExternType> exports = new LinkedHashMap<>();
    for (CoreTypeDecl.ModuleDecl d : m.decls()) {
      switch (d) {
        case CoreTypeDecl.TypeDecl td -> {
          if (!(td.type() instanceof CoreTypeDecl.Func f)) {
            throw error("module type inside a module type");
          }
          local.add(f.type());
        }
        case CoreTypeDecl.OuterTypeAlias oa -> {
          Scope target = outer(s, oa.count() - 1);
          Object t = index(target.coreTypes, oa.index(), "core type");
          if (!(t instanceof FunctionType ft)) {
            throw error("outer alias of a module type inside a module type");
          }
          local.add(ft);
        }
        case CoreTypeDecl.ImportDecl id ->
            imports.add(new CoreModuleInfo.Import(id.module(), id.name(), coreExtern(local, id.desc())));
        case CoreTypeDecl.ExportDecl ed -> {
          if (exports.put(ed.name(), coreExtern(local, ed.desc())) != null) {
            throw error("duplicate export \"" + ed.name() + "\" in module type");
          }
        }
      }
    }
    return new CoreModuleInfo(imports, exports);
  }

  private CoreExternType coreExtern(List<FunctionType> types, CoreTypeDecl.CoreExternDesc d)
      throws ComponentDecodeException {
    return switch (d) {
      case CoreTypeDecl.FuncDesc f -> new CoreExternType.Func(index(types, f.typeIndex(), "core type"));
      case CoreTypeDecl.TagDesc t -> new CoreExternType.Tag(index(types, t.typeIndex(), "core type"));
      case CoreTypeDecl.TableDesc t -> new CoreExternType.Table(t.elementType(), t.limits());
      case CoreTypeDecl.MemoryDesc mm -> new CoreExternType.Memory(mm.limits());
      case CoreTypeDecl.GlobalDesc g -> new CoreExternType.Global(g.type(), g.mutable());
    };
  }

  // ---- component instances ----

  private InstanceType instantiate(Scope s, Definition.Instantiate in)
      throws ComponentDecodeException {
    ComponentType c = index(s.components, in.componentIndex(), "component");
    Map<String, Definition.InlineExport> args = new LinkedHashMap<>();
    for (Definition.InlineExport a : in.args()) {
      if (args.put(a.name(), a) != null) {
        throw error("duplicate instantiation argument \"" + a.name() + "\"");
      }
      itemType(s, a.sort(), a.index());
    }
    for (ExternDecl imp : c.imports()) {
      Definition.InlineExport a = args.get(imp.name());
      if (a == null) {
        throw error("instantiation of component " + in.componentIndex() + " lacks import \""
            + imp.name() + "\"");
      }
      if (sortOfType(imp.type()) != a.sort()) {
        throw error("instantiation argument \"" + imp.name() + "\" must be a "
            + sortOfType(imp.type()) + ", given a " + a.sort());
      }
    }
    return new InstanceType(c.exports());
  }

  private static Sort sortOfType(ExternType t) {
    return switch (t) {
      case FuncType f -> Sort.FUNC;
      case InstanceType i -> Sort.INSTANCE;
      case ComponentType c -> Sort.COMPONENT;
      case io.cloister.component.types.CoreModuleType m -> Sort.CORE_MODULE;
      case TypeExtern te -> Sort.TYPE;
      case ValueExtern v -> Sort.VALUE;
    };
  }

  private ExternType itemType(Scope s, Sort sort, int idx) throws ComponentDecodeException {
    return switch (sort) {
      case FUNC -> index(s.funcs, idx, "func");
      case TYPE -> new TypeExtern(index(s.types, idx, "type"));
      case INSTANCE -> index(s.instances, idx, "instance");
      case COMPONENT -> index(s.components, idx, "component");
      case VALUE -> new ValueExtern(index(s.values, idx, "value"));
      case CORE_MODULE -> index(s.coreModules, idx, "core module").toModuleType();
      default -> throw error("a " + sort + " cannot be a component-level item");
    };
  }

  // ---- aliases ----

  private void alias(Scope s, Alias a) throws ComponentDecodeException {
    switch (a.target()) {
      case Alias.InstanceExport ie -> {
        InstanceType it = index(s.instances, ie.instanceIndex(), "instance");
        ExternType t =
            it.export(ie.name())
                .orElseThrow(
                    () -> error("instance " + ie.instanceIndex() + " has no export \""
                        + ie.name() + "\""))
                .type();
        if (sortOfType(t) != a.sort()) {
          throw error("export \"" + ie.name() + "\" of instance " + ie.instanceIndex()
              + " is a " + sortOfType(t) + ", aliased as a " + a.sort());
        }
        addExtern(s, a.sort(), t);
      }
      case Alias.CoreInstanceExport ce -> {
        Map<String, CoreExternType> inst =
            index(s.coreInstances, ce.coreInstanceIndex(), "core instance");
        CoreExternType t = inst.get(ce.name());
        if (t == null) {
          throw error("core instance " + ce.coreInstanceIndex() + " has no export \""
              + ce.name() + "\"");
        }
        if (t.sort() != a.sort()) {
          throw error("core export \"" + ce.name() + "\" is a " + t.kind() + ", aliased as a "
              + a.sort());
        }
        addCore(s, t);
      }
      case Alias.Outer o -> {
        Scope target = outer(s, o.count());
        switch (a.sort()) {
          case TYPE -> {
            DefType t = index(target.types, o.index(), "type");
            if (o.count() > 0 && containsLocalResource(target, t)) {
              throw error("outer alias of a type that refers to a resource type");
            }
            s.types.add(t);
          }
          case CORE_TYPE -> s.coreTypes.add(index(target.coreTypes, o.index(), "core type"));
          case CORE_MODULE -> s.coreModules.add(index(target.coreModules, o.index(), "core module"));
          case COMPONENT -> {
            s.components.add(index(target.components, o.index(), "component"));
            s.componentBodies.add(target.componentBodies.get(o.index()));
          }
          default -> throw error("outer alias of sort " + a.sort());
        }
      }
    }
  }

  private static boolean containsLocalResource(Scope target, DefType t) {
    return t instanceof ResourceType r && target.resourceDtors.containsKey(r);
  }

  private Scope outer(Scope s, int count) throws ComponentDecodeException {
    Scope t = s;
    for (int i = 0; i < count; i++) {
      if (t.parent == null) {
        throw error("outer alias count " + count + " exceeds the enclosing scopes");
      }
      t = t.parent;
    }
    return t;
  }

  private void addCore(Scope s, CoreExternType t) {
    switch (t) {
      case CoreExternType.Func f -> s.coreFuncs.add(f.type());
      case CoreExternType.Table x -> s.coreTables.add(x);
      case CoreExternType.Memory x -> s.coreMemories.add(x);
      case CoreExternType.Global x -> s.coreGlobals.add(x);
      case CoreExternType.Tag x -> s.coreTags.add(x);
    }
  }

  private void addExtern(Scope s, Sort sort, ExternType t) throws ComponentDecodeException {
    switch (sort) {
      case FUNC -> s.funcs.add((FuncType) t);
      case TYPE -> s.types.add(((TypeExtern) t).type());
      case INSTANCE -> s.instances.add((InstanceType) t);
      case COMPONENT -> {
        s.components.add((ComponentType) t);
        s.componentBodies.add(null);
      }
      case VALUE -> s.values.add(((ValueExtern) t).type());
      default -> throw error("cannot alias a " + sort + " from a component instance");
    }
  }

  private void addItem(Scope s, ExternDesc d, ExternType t) throws ComponentDecodeException {
    if (d instanceof ExternDesc.CoreModule cm) {
      Object mt = index(s.coreTypes, cm.coreTypeIndex(), "core type");
      if (!(mt instanceof CoreModuleInfo info)) {
        throw error("core type " + cm.coreTypeIndex() + " is not a module type");
      }
      s.coreModules.add(info);
      return;
    }
    addExtern(s, Definition.sortOf(d), t);
  }

  // ---- types ----

  private ExternType externType(Scope s, ExternDesc d, String name)
      throws ComponentDecodeException {
    return switch (d) {
      case ExternDesc.CoreModule cm -> {
        Object mt = index(s.coreTypes, cm.coreTypeIndex(), "core type");
        if (!(mt instanceof CoreModuleInfo info)) {
          throw error("core type " + cm.coreTypeIndex() + " is not a module type");
        }
        yield info.toModuleType();
      }
      case ExternDesc.Func f -> {
        if (!(index(s.types, f.typeIndex(), "type") instanceof FuncType ft)) {
          throw error("type " + f.typeIndex() + " is not a function type");
        }
        yield ft;
      }
      case ExternDesc.Value v -> {
        if (v.valueIndex().isPresent()) {
          yield new ValueExtern(index(s.values, v.valueIndex().get(), "value"));
        }
        yield new ValueExtern(valType(s, v.type().get()));
      }
      case ExternDesc.TypeEq te -> new TypeExtern(index(s.types, te.typeIndex(), "type"));
      case ExternDesc.TypeSubResource r -> new TypeExtern(new ResourceType(resourceName(name)));
      case ExternDesc.Component c -> {
        if (!(index(s.types, c.typeIndex(), "type") instanceof ComponentType ct)) {
          throw error("type " + c.typeIndex() + " is not a component type");
        }
        yield ct;
      }
      case ExternDesc.Instance i -> {
        if (!(index(s.types, i.typeIndex(), "type") instanceof InstanceType it)) {
          throw error("type " + i.typeIndex() + " is not an instance type");
        }
        yield it;
      }
    };
  }

  private static String resourceName(String externName) {
    return Names.unescape(externName);
  }

  private io.cloister.component.types.ValType valType(Scope s, TypeRef r)
      throws ComponentDecodeException {
    return switch (r) {
      case TypeRef.Primitive p -> p.type();
      case TypeRef.Index i -> {
        DefType t = index(s.types, i.index(), "type");
        if (!(t instanceof io.cloister.component.types.ValType vt)) {
          throw error("type " + i.index() + " is not a value type");
        }
        yield vt;
      }
    };
  }

  private Optional<io.cloister.component.types.ValType> valType(Scope s, Optional<TypeRef> r)
      throws ComponentDecodeException {
    return r.isEmpty() ? Optional.empty() : Optional.of(valType(s, r.get()));
  }

  private ResourceType resource(Scope s, int idx) throws ComponentDecodeException {
    if (!(index(s.types, idx, "type") instanceof ResourceType rt)) {
      throw error("type " + idx + " is not a resource type");
    }
    return rt;
  }

  private DefType defType(Scope s, TypeDecl t) throws ComponentDecodeException {
    return switch (t) {
      case TypeDecl.Primitive p -> p.type();
      case TypeDecl.Record r -> {
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeDecl.Labeled l : r.fields()) {
          unique(names, l.label(), "record field");
          fields.add(new Field(l.label(), valType(s, l.type())));
        }
        yield new RecordType(fields);
      }
      case TypeDecl.Variant v -> {
        List<Case> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeDecl.CaseDecl c : v.cases()) {
          unique(names, c.label(), "variant case");
          cases.add(new Case(c.label(), valType(s, c.type())));
        }
        yield new VariantType(cases);
      }
      case TypeDecl.ListOf l -> new ListType(valType(s, l.element()));
      case TypeDecl.FixedList l -> throw error("fixed-length lists are not supported");
      case TypeDecl.Tuple tu -> {
        List<io.cloister.component.types.ValType> ts = new ArrayList<>();
        for (TypeRef r : tu.elements()) {
          ts.add(valType(s, r));
        }
        yield new TupleType(ts);
      }
      case TypeDecl.Flags f -> {
        uniqueAll(f.labels(), "flag");
        yield new FlagsType(f.labels());
      }
      case TypeDecl.Enum e -> {
        uniqueAll(e.labels(), "enum case");
        yield new EnumType(e.labels());
      }
      case TypeDecl.Option o -> new OptionType(valType(s, o.element()));
      case TypeDecl.Result r -> new ResultType(valType(s, r.ok()), valType(s, r.error()));
      case TypeDecl.Own o -> new OwnType(resource(s, o.resourceTypeIndex()));
      case TypeDecl.Borrow b -> new BorrowType(resource(s, b.resourceTypeIndex()));
      case TypeDecl.Unsupported u -> throw error(u.what() + " types are not supported");
      case TypeDecl.Func f -> {
        if (f.async()) {
          throw error("async function types are not supported");
        }
        List<Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeDecl.Labeled l : f.params()) {
          unique(names, l.label(), "parameter");
          params.add(new Param(l.label(), valType(s, l.type())));
        }
        Optional<io.cloister.component.types.ValType> result = valType(s, f.result());
        if (result.isPresent() && containsBorrow(result.get())) {
          throw error("function result contains a borrow");
        }
        yield new FuncType(params, result);
      }
      case TypeDecl.Component c -> {
        Scope inner = new Scope(s, ComponentAst.ComponentNames.empty());
        for (TypeDecl.Decl d : c.decls()) {
          decl(inner, d);
        }
        yield new ComponentType(inner.imports, inner.exports);
      }
      case TypeDecl.Instance i -> {
        Scope inner = new Scope(s, ComponentAst.ComponentNames.empty());
        for (TypeDecl.Decl d : i.decls()) {
          decl(inner, d);
        }
        yield new InstanceType(inner.exports);
      }
      case TypeDecl.Resource r -> throw error("resource type defined inside a type");
    };
  }

  private static boolean containsBorrow(io.cloister.component.types.ValType t) {
    return switch (t) {
      case BorrowType b -> true;
      case ListType l -> containsBorrow(l.element());
      case OptionType o -> containsBorrow(o.element());
      case RecordType r -> r.fields().stream().anyMatch(f -> containsBorrow(f.type()));
      case TupleType tu -> tu.elements().stream().anyMatch(ComponentValidator::containsBorrow);
      case VariantType v ->
          v.cases().stream().anyMatch(c -> c.type().map(ComponentValidator::containsBorrow).orElse(false));
      case ResultType r ->
          r.ok().map(ComponentValidator::containsBorrow).orElse(false)
              || r.error().map(ComponentValidator::containsBorrow).orElse(false);
      default -> false;
    };
  }

  private void decl(Scope s, TypeDecl.Decl d) throws ComponentDecodeException {
    switch (d) {
      case TypeDecl.CoreTypeEntry c -> s.coreTypes.add(coreType(s, c.type()));
      case TypeDecl.TypeEntry t -> s.types.add(defType(s, t.type()));
      case TypeDecl.AliasEntry a -> {
        if (a.alias().target() instanceof Alias.CoreInstanceExport) {
          throw error("core export alias inside a type");
        }
        if (a.alias().target() instanceof Alias.InstanceExport
            && a.alias().sort() != Sort.TYPE
            && a.alias().sort() != Sort.INSTANCE) {
          throw error("export alias of a " + a.alias().sort() + " inside a type");
        }
        if (a.alias().target() instanceof Alias.Outer
            && a.alias().sort() != Sort.TYPE
            && a.alias().sort() != Sort.CORE_TYPE) {
          throw error("outer alias of a " + a.alias().sort() + " inside a type");
        }
        alias(s, a.alias());
      }
      case TypeDecl.ImportEntry im -> {
        if (!s.importNames.add(im.name())) {
          throw error("duplicate import \"" + im.name() + "\" in component type");
        }
        ExternType t = externType(s, im.desc(), im.name());
        addItem(s, im.desc(), t);
        s.imports.add(new ExternDecl(im.name(), t));
      }
      case TypeDecl.ExportEntry ex -> {
        if (!s.exportNames.add(ex.name())) {
          throw error("duplicate export \"" + ex.name() + "\" in type");
        }
        ExternType t = externType(s, ex.desc(), ex.name());
        addItem(s, ex.desc(), t);
        s.exports.add(new ExternDecl(ex.name(), t));
      }
    }
  }

  private void unique(Set<String> seen, String label, String what)
      throws ComponentDecodeException {
    if (!seen.add(label.toLowerCase(java.util.Locale.ROOT))) {
      throw error("duplicate " + what + " \"" + label + "\"");
    }
  }

  private void uniqueAll(List<String> labels, String what) throws ComponentDecodeException {
    Set<String> seen = new HashSet<>();
    for (String l : labels) {
      unique(seen, l, what);
    }
  }

  // ---- canonical definitions ----

  private void canon(Scope s, Canon c) throws ComponentDecodeException {
    switch (c) {
      case Canon.Lift l -> {
        FunctionType core = coreFunc(s, l.coreFuncIndex());
        if (!(index(s.types, l.typeIndex(), "type") instanceof FuncType ft)) {
          throw error("canon lift type " + l.typeIndex() + " is not a function type");
        }
        options(s, l.options());
        FunctionType want = CanonSignatures.lifted(ft);
        if (core != null && !core.equals(want)) {
          throw error("canon lift of core func " + l.coreFuncIndex() + " to " + ft
              + ": core type is " + core + ", the canonical ABI needs " + want);
        }
        for (CanonOption o : l.options()) {
          if (o instanceof CanonOption.PostReturn p) {
            FunctionType pr = coreFunc(s, p.coreFuncIndex());
            if (pr != null && !pr.equals(CanonSignatures.postReturn(ft))) {
              throw error("post-return core func " + p.coreFuncIndex() + " has type " + pr
                  + ", expected " + CanonSignatures.postReturn(ft));
            }
          }
        }
        s.funcs.add(ft);
      }
      case Canon.Lower l -> {
        FuncType ft = func(s, l.funcIndex());
        options(s, l.options());
        s.coreFuncs.add(CanonSignatures.lowered(ft));
      }
      case Canon.ResourceNew r -> {
        localResource(s, r.typeIndex(), "resource.new");
        s.coreFuncs.add(I32_TO_I32);
      }
      case Canon.ResourceRep r -> {
        localResource(s, r.typeIndex(), "resource.rep");
        s.coreFuncs.add(I32_TO_I32);
      }
      case Canon.ResourceDrop r -> {
        resource(s, r.typeIndex());
        s.coreFuncs.add(I32_TO_NONE);
      }
      case Canon.Unsupported u -> s.coreFuncs.add(null);
    }
  }

  private void localResource(Scope s, int idx, String what) throws ComponentDecodeException {
    ResourceType rt = resource(s, idx);
    if (!s.resourceDtors.containsKey(rt)) {
      throw error(what + " of a resource type this component does not define");
    }
  }

  private void options(Scope s, List<CanonOption> opts) throws ComponentDecodeException {
    Set<Class<?>> seen = new HashSet<>();
    for (CanonOption o : opts) {
      if (!seen.add(o.getClass())) {
        throw error("duplicate or conflicting canonical option " + o);
      }
      switch (o) {
        case CanonOption.Memory m -> index(s.coreMemories, m.coreMemoryIndex(), "core memory");
        case CanonOption.Realloc r -> {
          FunctionType ft = coreFunc(s, r.coreFuncIndex());
          if (ft != null && !ft.equals(REALLOC)) {
            throw error("realloc must have type [i32 i32 i32 i32] -> [i32], has " + ft);
          }
        }
        case CanonOption.PostReturn p -> coreFunc(s, p.coreFuncIndex());
        case CanonOption.Callback cb -> coreFunc(s, cb.coreFuncIndex());
        case CanonOption.Async a -> throw error("async canonical functions are not supported");
        case CanonOption.Encoding e -> {}
      }
    }
  }

  private FuncType func(Scope s, int idx) throws ComponentDecodeException {
    return index(s.funcs, idx, "func");
  }

  private <T> T index(List<T> space, int idx, String what) throws ComponentDecodeException {
    if (idx < 0 || idx >= space.size()) {
      throw error(what + " index " + idx + " out of bounds (" + space.size() + " defined)");
    }
    return space.get(idx);
  }
}
