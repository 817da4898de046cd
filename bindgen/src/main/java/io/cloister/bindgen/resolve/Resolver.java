package io.cloister.bindgen.resolve;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.InterfaceId;
import io.cloister.bindgen.model.Model;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import io.cloister.bindgen.model.WitPackage;
import io.cloister.bindgen.wit.FuncSig;
import io.cloister.bindgen.wit.Gate;
import io.cloister.bindgen.wit.InterfaceItem;
import io.cloister.bindgen.wit.Meta;
import io.cloister.bindgen.wit.PackageName;
import io.cloister.bindgen.wit.Pos;
import io.cloister.bindgen.wit.TopItem;
import io.cloister.bindgen.wit.TypeDecl;
import io.cloister.bindgen.wit.TypeExpr;
import io.cloister.bindgen.wit.UsePath;
import io.cloister.bindgen.wit.WitParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the packages of WIT roots into a {@link Model}: {@code use}s across interfaces and
 * packages, aliases expanded, every name checked. Items gated {@code @unstable} with a feature not
 * enabled are left out before resolution, as if absent (so a reference to one is an unknown name).
 */
public final class Resolver {

  /** What a name in an interface's scope stands for. */
  private sealed interface Binding {}

  /** A definition: a record, variant, enum, flags or resource. */
  private record Defined(TypeId id, boolean resource) implements Binding {}

  /** An alias of a non-resource type, already expanded. */
  private record Aliased(Type type) implements Binding {}

  /** An interface being resolved: its declaration and its names. */
  private static final class Scope {
    final InterfaceId id;
    final PackageSource.Decl decl;
    final Map<String, InterfaceItem> items = new LinkedHashMap<>();
    final Map<String, Binding> resolved = new HashMap<>();

    Scope(InterfaceId id, PackageSource.Decl decl) {
      this.id = id;
      this.decl = decl;
    }
  }

  private final Set<String> features;
  private final Map<PackageName, Map<String, Scope>> packages = new LinkedHashMap<>();
  private final Set<String> resolving = new HashSet<>();

  private Resolver(Set<String> features) {
    this.features = Set.copyOf(features);
  }

  /** Loads and resolves the packages of {@code roots}; {@code features} enables unstable items. */
  public static Model resolve(List<Path> roots, Set<String> features)
      throws IOException, WitParseException, WitResolveException {
    return new Resolver(features).run(WitLoader.load(roots));
  }

  /** Resolves one WIT text as a package (nested packages included); for tests and tools. */
  public static Model resolveText(String file, String text, Set<String> features)
      throws WitParseException, WitResolveException {
    return new Resolver(features).run(WitLoader.loadText(file, text));
  }

  private boolean enabled(Meta meta) {
    String feature = meta.unstableFeature();
    return feature == null || features.contains(feature);
  }

  private Model run(List<PackageSource> sources) throws WitResolveException {
    for (PackageSource src : sources) {
      if (packages.containsKey(src.name())) {
        throw new WitResolveException(
            src.interfaces().isEmpty() ? null : src.interfaces().get(0).iface().meta().pos(),
            "package " + src.name() + " is defined twice");
      }
      Map<String, Scope> scopes = new LinkedHashMap<>();
      for (PackageSource.Decl d : src.interfaces()) {
        if (!enabled(d.iface().meta())) {
          continue;
        }
        Scope s = new Scope(new InterfaceId(src.name(), d.iface().name()), d);
        if (scopes.put(d.iface().name(), s) != null) {
          throw new WitResolveException(
              d.iface().meta().pos(),
              "interface " + d.iface().name() + " is defined twice in package " + src.name());
        }
        for (InterfaceItem item : d.iface().items()) {
          if (enabled(item.meta())) {
            addItem(s, item);
          }
        }
      }
      packages.put(src.name(), scopes);
    }
    List<WitPackage> out = new ArrayList<>();
    List<PackageName> names = new ArrayList<>(packages.keySet());
    names.sort(Comparator.comparing(PackageName::toString));
    for (PackageName name : names) {
      List<Interface> ifaces = new ArrayList<>();
      for (Scope s : packages.get(name).values()) {
        ifaces.add(build(s));
      }
      out.add(new WitPackage(name, ifaces));
    }
    return new Model(out);
  }

  private static void addItem(Scope s, InterfaceItem item) throws WitResolveException {
    switch (item) {
      case InterfaceItem.Use u -> {
        for (InterfaceItem.UseName n : u.names()) {
          define(s, n.localName(), item, n.pos());
        }
      }
      case TypeDecl t -> define(s, t.name(), item, t.meta().pos());
      case InterfaceItem.Func f -> define(s, f.name(), item, f.meta().pos());
    }
  }

  private static void define(Scope s, String name, InterfaceItem item, Pos pos)
      throws WitResolveException {
    InterfaceItem prev = s.items.putIfAbsent(name, item);
    if (prev != null) {
      throw new WitResolveException(
          pos,
          "'" + name + "' is already defined in interface " + s.id + " at " + prev.meta().pos());
    }
  }

  // ---- interfaces

  private Scope findInterface(Scope from, UsePath path) throws WitResolveException {
    if (path.pkg().isEmpty()) {
      TopItem.Use alias = from.decl.fileUses().get(path.iface());
      if (alias != null) {
        return findInterface(from, alias.path());
      }
      Scope s = packages.get(from.id.pkg()).get(path.iface());
      if (s == null) {
        throw new WitResolveException(
            path.pos(), "no interface '" + path.iface() + "' in package " + from.id.pkg());
      }
      return s;
    }
    PackageName want = path.pkg().get();
    Map<String, Scope> pkg = packages.get(want);
    if (pkg == null && want.version().isEmpty()) {
      List<PackageName> candidates =
          packages.keySet().stream()
              .filter(p -> p.unversioned().equals(want.unversioned()))
              .toList();
      if (candidates.size() == 1) {
        pkg = packages.get(candidates.get(0));
      }
    }
    if (pkg == null) {
      List<String> known =
          packages.keySet().stream()
              .filter(p -> p.unversioned().equals(want.unversioned()))
              .map(PackageName::toString)
              .toList();
      throw new WitResolveException(
          path.pos(),
          "unknown package "
              + want
              + (known.isEmpty() ? "" : " (found " + String.join(", ", known) + ")"));
    }
    Scope s = pkg.get(path.iface());
    if (s == null) {
      throw new WitResolveException(
          path.pos(), "no interface '" + path.iface() + "' in package " + want);
    }
    return s;
  }

  // ---- names

  private Binding lookup(Scope s, String name, Pos at) throws WitResolveException {
    Binding b = s.resolved.get(name);
    if (b != null) {
      return b;
    }
    InterfaceItem item = s.items.get(name);
    if (item == null) {
      throw new WitResolveException(at, "unknown type '" + name + "' in interface " + s.id);
    }
    String key = s.id + "#" + name;
    if (!resolving.add(key)) {
      throw new WitResolveException(at, "'" + name + "' is defined in terms of itself");
    }
    try {
      b = bind(s, name, item, at);
    } finally {
      resolving.remove(key);
    }
    s.resolved.put(name, b);
    return b;
  }

  private Binding bind(Scope s, String name, InterfaceItem item, Pos at)
      throws WitResolveException {
    return switch (item) {
      case InterfaceItem.Use u -> {
        Scope target = findInterface(s, u.path());
        InterfaceItem.UseName n =
            u.names().stream().filter(x -> x.localName().equals(name)).findFirst().orElseThrow();
        if (!target.items.containsKey(n.name())) {
          throw new WitResolveException(
              n.pos(), "interface " + target.id + " has no type '" + n.name() + "'");
        }
        yield lookup(target, n.name(), n.pos());
      }
      case TypeDecl.Alias a -> {
        if (a.target() instanceof TypeExpr.Named named) {
          Binding b = lookup(s, named.name(), named.pos());
          if (b instanceof Defined d && d.resource()) {
            yield d; // an alias of a resource is that resource (borrow<alias> works)
          }
        }
        yield new Aliased(type(s, a.target()));
      }
      case TypeDecl.Resource r -> new Defined(new TypeId(s.id, name), true);
      case TypeDecl t -> new Defined(new TypeId(s.id, name), false);
      case InterfaceItem.Func f ->
          throw new WitResolveException(at, "'" + name + "' is a function, not a type");
    };
  }

  private Type type(Scope s, TypeExpr e) throws WitResolveException {
    return switch (e) {
      case TypeExpr.Primitive p -> Type.Primitive.of(p.name());
      case TypeExpr.ListOf l -> new Type.ListOf(type(s, l.element()));
      case TypeExpr.OptionOf o -> new Type.OptionOf(type(s, o.element()));
      case TypeExpr.ResultOf r -> new Type.ResultOf(optional(s, r.ok()), optional(s, r.error()));
      case TypeExpr.TupleOf t -> {
        List<Type> elements = new ArrayList<>();
        for (TypeExpr x : t.elements()) {
          elements.add(type(s, x));
        }
        yield new Type.TupleOf(elements);
      }
      case TypeExpr.Handle h -> {
        if (!(lookup(s, h.resource(), h.pos()) instanceof Defined d) || !d.resource()) {
          throw new WitResolveException(
              h.pos(), "'" + h.resource() + "' in " + h.toWit() + " is not a resource");
        }
        yield new Type.Handle(d.id(), h.owned());
      }
      case TypeExpr.Named n -> {
        Binding b = lookup(s, n.name(), n.pos());
        yield switch (b) {
          case Defined d when d.resource() -> new Type.Handle(d.id(), true);
          case Defined d -> new Type.Named(d.id());
          case Aliased a -> a.type();
        };
      }
    };
  }

  private Optional<Type> optional(Scope s, Optional<TypeExpr> e) throws WitResolveException {
    return e.isEmpty() ? Optional.empty() : Optional.of(type(s, e.get()));
  }

  // ---- building the model

  private Interface build(Scope s) throws WitResolveException {
    List<TypeDef> types = new ArrayList<>();
    List<Function> functions = new ArrayList<>();
    for (InterfaceItem item : s.decl.iface().items()) {
      if (!enabled(item.meta())) {
        continue;
      }
      switch (item) {
        case InterfaceItem.Use u -> {
          for (InterfaceItem.UseName n : u.names()) {
            lookup(s, n.localName(), n.pos()); // report unknown names even if unused
          }
        }
        case TypeDecl.Alias a -> lookup(s, a.name(), a.meta().pos());
        case TypeDecl.Resource r -> {
          types.add(new TypeDef.Resource(r.name(), r.meta().doc()));
          TypeId id = new TypeId(s.id, r.name());
          Set<String> seen = new HashSet<>();
          for (TypeDecl.ResourceFunc f : r.functions()) {
            if (enabled(f.meta())) {
              if (!seen.add(f.name())) {
                throw new WitResolveException(
                    f.meta().pos(),
                    (f.name().isEmpty()
                            ? "a second constructor"
                            : "'" + f.name() + "' is defined twice")
                        + " in resource "
                        + r.name());
              }
              functions.add(resourceFunction(s, id, f));
            }
          }
        }
        case TypeDecl t -> types.add(typeDef(s, t));
        case InterfaceItem.Func f ->
            functions.add(
                function(
                    s,
                    Function.Kind.FREE,
                    Optional.empty(),
                    f.name(),
                    List.of(),
                    f.sig(),
                    Optional.empty(),
                    f.meta(),
                    f.name() + ": " + f.sig().toWit()));
      }
    }
    return new Interface(s.id, s.decl.iface().meta().doc(), s.decl.file(), types, functions);
  }

  private Function resourceFunction(Scope s, TypeId resource, TypeDecl.ResourceFunc f)
      throws WitResolveException {
    String r = resource.name();
    return switch (f.kind()) {
      case CONSTRUCTOR ->
          function(
              s,
              Function.Kind.CONSTRUCTOR,
              Optional.of(r),
              "",
              List.of(),
              f.sig(),
              Optional.of(new Type.Handle(resource, true)),
              f.meta(),
              "constructor" + f.sig().toWit().substring("func".length()));
      case METHOD ->
          function(
              s,
              Function.Kind.METHOD,
              Optional.of(r),
              f.name(),
              List.of(new Function.Param("self", new Type.Handle(resource, false))),
              f.sig(),
              Optional.empty(),
              f.meta(),
              f.name() + ": " + f.sig().toWit());
      case STATIC ->
          function(
              s,
              Function.Kind.STATIC,
              Optional.of(r),
              f.name(),
              List.of(),
              f.sig(),
              Optional.empty(),
              f.meta(),
              f.name() + ": static " + f.sig().toWit());
    };
  }

  private Function function(
      Scope s,
      Function.Kind kind,
      Optional<String> resource,
      String name,
      List<Function.Param> leading,
      FuncSig sig,
      Optional<Type> fixedResult,
      Meta meta,
      String wit)
      throws WitResolveException {
    if (sig.async()) {
      throw new WitResolveException(meta.pos(), "async functions are not supported");
    }
    List<Function.Param> params = new ArrayList<>(leading);
    Set<String> names = new HashSet<>();
    for (Function.Param p : leading) {
      names.add(p.name());
    }
    for (FuncSig.ParamDecl p : sig.params()) {
      if (!names.add(p.name())) {
        throw new WitResolveException(p.pos(), "parameter '" + p.name() + "' is declared twice");
      }
      params.add(new Function.Param(p.name(), type(s, p.type())));
    }
    Optional<Type> result = fixedResult.isPresent() ? fixedResult : optional(s, sig.result());
    Optional<String> deprecated =
        meta.gates().stream()
            .filter(g -> g.kind() == Gate.Kind.DEPRECATED)
            .map(Gate::value)
            .findFirst();
    return new Function(kind, resource, name, params, result, meta.doc(), wit, deprecated);
  }

  private TypeDef typeDef(Scope s, TypeDecl t) throws WitResolveException {
    return switch (t) {
      case TypeDecl.Record r -> {
        List<TypeDef.Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeDecl.Field f : r.fields()) {
          if (enabled(f.meta())) {
            unique(names, f.name(), f.meta().pos(), "field", r.name());
            fields.add(new TypeDef.Field(f.name(), type(s, f.type()), f.meta().doc()));
          }
        }
        yield new TypeDef.Record(r.name(), fields, r.meta().doc());
      }
      case TypeDecl.Variant v -> {
        List<TypeDef.Case> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeDecl.Case c : v.cases()) {
          if (enabled(c.meta())) {
            unique(names, c.name(), c.meta().pos(), "case", v.name());
            cases.add(new TypeDef.Case(c.name(), optional(s, c.type()), c.meta().doc()));
          }
        }
        yield new TypeDef.Variant(v.name(), cases, v.meta().doc());
      }
      case TypeDecl.Enum e ->
          new TypeDef.Enum(e.name(), labels(e.labels(), e.name()), e.meta().doc());
      case TypeDecl.Flags f ->
          new TypeDef.Flags(f.name(), labels(f.labels(), f.name()), f.meta().doc());
      case TypeDecl.Resource r -> new TypeDef.Resource(r.name(), r.meta().doc());
      case TypeDecl.Alias a -> throw new IllegalStateException("aliases are not definitions");
    };
  }

  private List<TypeDef.Label> labels(List<TypeDecl.Label> labels, String owner)
      throws WitResolveException {
    List<TypeDef.Label> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TypeDecl.Label l : labels) {
      if (enabled(l.meta())) {
        unique(names, l.name(), l.meta().pos(), "label", owner);
        out.add(new TypeDef.Label(l.name(), l.meta().doc()));
      }
    }
    return out;
  }

  private static void unique(Set<String> names, String name, Pos pos, String what, String owner)
      throws WitResolveException {
    if (!names.add(name)) {
      throw new WitResolveException(pos, what + " '" + name + "' is declared twice in " + owner);
    }
  }
}
