package io.cloister.component.wit;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.DefType;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints a component's type as a WIT document, in the shape {@code jco wit} (wasm-tools {@code
 * component wit}) prints it: {@code package root:component;} and {@code world root { ... }} with
 * the component's imports and exports. Interfaces imported or exported under a plain name are
 * printed inline ({@code import imports: interface { ... }}); interfaces with a qualified name
 * ({@code wasi:io/streams@0.2.0}) by name.
 *
 * <p>Names come from the component's type exports: a decoded component keeps one object per type
 * definition, so the first name a definition is exported under is its name, a later export of the
 * same object from another interface is a {@code use}, and one from the same interface is a {@code
 * type} alias. Primitive types are shared enum constants, so an alias of a primitive ({@code type
 * filesize = u64}) cannot be told from the primitive where it is used and is printed as the
 * primitive there. Functions named {@code [constructor]r}, {@code [method]r.m} and {@code
 * [static]r.f} are printed inside {@code resource r}.
 *
 * <p>{@link #printWithInterfaces} also prints the definitions of the interfaces named in the world,
 * grouped into {@code package ns:pkg@version { interface ... }} blocks after the world (the shape
 * newer wasm-tools releases print; jco 1.35.0 prints the world only).
 */
public final class WitPrinter {
  private static final String INDENT = "  ";

  /** Where each named type definition was first declared. */
  private final Map<DefType, Declared> declarations = new IdentityHashMap<>();

  /** The bodies of the qualified interfaces, by package then interface name, first one wins. */
  private final Map<String, Map<String, List<Entry>>> packages = new LinkedHashMap<>();

  private WitPrinter() {}

  /** The WIT document of a component with the given type, as {@code jco wit} prints it. */
  public static String print(ComponentType component) {
    return new WitPrinter().document(component, false);
  }

  /** The WIT document, followed by package blocks defining every interface the world names. */
  public static String printWithInterfaces(ComponentType component) {
    return new WitPrinter().document(component, true);
  }

  private record Declared(Scope scope, String name) {}

  /** An interface or the world: the names its types have there and the resources it defines. */
  private static final class Scope {
    /** How a {@code use} from another package refers to this scope; empty for the world. */
    final String path;

    /** The qualified name of an interface imported or exported under one. */
    final Optional<InterfaceName> qualified;

    final Map<DefType, String> names = new IdentityHashMap<>();
    final Map<String, List<ResourceFunction>> resourceFunctions = new LinkedHashMap<>();

    Scope(String path, Optional<InterfaceName> qualified) {
      this.path = path;
      this.qualified = qualified;
    }

    /** How a {@code use} in {@code user} names this scope: by interface name within its package. */
    String pathFrom(Scope user) {
      if (qualified.isPresent()
          && user.qualified.isPresent()
          && qualified.get().qualifiedPackage().equals(user.qualified.get().qualifiedPackage())) {
        return WitIdentifier.of(qualified.get().interfaceName());
      }
      return path;
    }
  }

  private record ResourceFunction(ResourceFunctionName name, FuncType type) {}

  /** One printable declaration of a scope; rendered only once the whole scope has been seen. */
  private interface Entry {
    void render(StringBuilder out, String indent);
  }

  /** {@code use path.{a, b as c};}: every type a scope takes from one other scope. */
  private static final class UseEntry implements Entry {
    final Scope source;
    final Scope user;
    final List<String> names = new ArrayList<>();

    UseEntry(Scope source, Scope user) {
      this.source = source;
      this.user = user;
    }

    @Override
    public void render(StringBuilder out, String indent) {
      out.append(indent)
          .append("use ")
          .append(source.pathFrom(user))
          .append(".{")
          .append(String.join(", ", names))
          .append("};\n");
    }
  }

  private String document(ComponentType component, boolean withInterfaces) {
    StringBuilder out = new StringBuilder("package root:component;\n\nworld root {\n");
    Scope world = new Scope("", Optional.empty());
    collectResourceFunctions(world, component.imports());
    collectResourceFunctions(world, component.exports());
    List<Entry> imports = scopeEntries(world, component.imports(), "import ");
    List<Entry> exports = scopeEntries(world, component.exports(), "export ");
    for (Entry e : imports) {
      e.render(out, INDENT);
    }
    if (!imports.isEmpty() && !exports.isEmpty()) {
      out.append('\n');
    }
    for (Entry e : exports) {
      e.render(out, INDENT);
    }
    out.append("}\n");
    if (withInterfaces) {
      packages.forEach((pkg, interfaces) -> packageBlock(out, pkg, interfaces));
    }
    return out.toString();
  }

  private static void packageBlock(StringBuilder out, String pkg, Map<String, List<Entry>> interfaces) {
    out.append("\npackage ").append(pkg).append(" {\n");
    boolean first = true;
    for (Map.Entry<String, List<Entry>> iface : interfaces.entrySet()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(INDENT).append("interface ").append(WitIdentifier.of(iface.getKey())).append(" {\n");
      renderBody(out, iface.getValue(), INDENT + INDENT);
      out.append(INDENT).append("}\n");
    }
    out.append("}\n");
  }

  private static void collectResourceFunctions(Scope scope, List<ExternDecl> decls) {
    for (ExternDecl d : decls) {
      if (d.type() instanceof FuncType f) {
        ResourceFunctionName.parse(d.name())
            .ifPresent(
                rf ->
                    scope
                        .resourceFunctions
                        .computeIfAbsent(rf.resource(), k -> new ArrayList<>())
                        .add(new ResourceFunction(rf, f)));
      }
    }
  }

  /**
   * The entries of a world's imports or exports ({@code keyword} = {@code "import "} or {@code
   * "export "}) or of an interface's exports ({@code keyword} empty).
   */
  private List<Entry> scopeEntries(Scope scope, List<ExternDecl> decls, String keyword) {
    List<Entry> entries = new ArrayList<>();
    Map<Scope, UseEntry> uses = new LinkedHashMap<>();
    for (ExternDecl d : decls) {
      String name = d.name();
      switch (d.type()) {
        case TypeExtern t -> {
          Entry entry = declareType(scope, name, t.type(), uses);
          if (entry != null) {
            entries.add(entry);
          }
        }
        case FuncType f -> {
          if (ResourceFunctionName.parse(name).isEmpty()) {
            entries.add((out, ind) -> out.append(ind).append(keyword).append(WitIdentifier.of(name))
                .append(": ").append(func(f, scope, 0)).append(";\n"));
          }
        }
        case InstanceType i -> entries.add(instance(name, i, keyword));
        default -> {
          // Nested components, core modules and values have no WIT spelling.
        }
      }
    }
    return entries;
  }

  private Entry instance(String name, InstanceType type, String keyword) {
    Optional<InterfaceName> qualified = InterfaceName.parse(name);
    Scope scope = new Scope(qualified.map(InterfaceName::toString).orElse(WitIdentifier.of(name)), qualified);
    collectResourceFunctions(scope, type.exports());
    List<Entry> body = new ArrayList<>(scopeEntries(scope, type.exports(), ""));
    // As in WIT sources, an interface starts with its uses.
    body.sort(Comparator.comparing(e -> !(e instanceof UseEntry)));
    if (qualified.isPresent()) {
      // An interface both imported and exported is defined once, by its first appearance.
      packages
          .computeIfAbsent(qualified.get().qualifiedPackage(), p -> new LinkedHashMap<>())
          .putIfAbsent(qualified.get().interfaceName(), body);
      return (out, ind) -> out.append(ind).append(keyword).append(name).append(";\n");
    }
    return (out, ind) -> {
      out.append(ind).append(keyword).append(WitIdentifier.of(name)).append(": interface {\n");
      renderBody(out, body, ind + INDENT);
      out.append(ind).append("}\n");
    };
  }

  private static void renderBody(StringBuilder out, List<Entry> body, String indent) {
    boolean first = true;
    boolean previousWasUse = false;
    for (Entry e : body) {
      boolean isUse = e instanceof UseEntry;
      if (!first && !(isUse && previousWasUse)) {
        out.append('\n');
      }
      e.render(out, indent);
      first = false;
      previousWasUse = isUse;
    }
  }

  /**
   * Declares a type export of a scope: a {@code use} when the definition was first declared in
   * another scope (added to that scope's {@link UseEntry}, so no entry is returned unless the
   * {@code use} is new), an alias when declared earlier in this scope, else a definition.
   */
  private Entry declareType(Scope scope, String name, DefType type, Map<Scope, UseEntry> uses) {
    String id = WitIdentifier.of(name);
    if (type instanceof PrimitiveType p) {
      return (out, ind) -> out.append(ind).append("type ").append(id).append(" = ").append(p.witName()).append(";\n");
    }
    Declared prior = declarations.get(type);
    if (prior != null && prior.scope() != scope) {
      scope.names.putIfAbsent(type, name);
      UseEntry use = uses.get(prior.scope());
      boolean isNew = use == null;
      if (isNew) {
        use = new UseEntry(prior.scope(), scope);
        uses.put(prior.scope(), use);
      }
      String original = WitIdentifier.of(prior.name());
      use.names.add(original.equals(id) ? id : original + " as " + id);
      return isNew ? use : null;
    }
    if (prior != null) {
      String target = WitIdentifier.of(prior.name());
      return (out, ind) -> out.append(ind).append("type ").append(id).append(" = ").append(target).append(";\n");
    }
    declarations.put(type, new Declared(scope, name));
    scope.names.put(type, name);
    return (out, ind) -> definition(out, ind, scope, id, name, type);
  }

  private void definition(StringBuilder out, String ind, Scope scope, String id, String name, DefType type) {
    String inner = ind + INDENT;
    switch (type) {
      case ResourceType r -> {
        List<ResourceFunction> functions = scope.resourceFunctions.getOrDefault(name, List.of());
        if (functions.isEmpty()) {
          out.append(ind).append("resource ").append(id).append(";\n");
          return;
        }
        out.append(ind).append("resource ").append(id).append(" {\n");
        for (ResourceFunction f : functions) {
          out.append(inner).append(resourceFunction(f, scope)).append(";\n");
        }
        out.append(ind).append("}\n");
      }
      case RecordType r -> {
        out.append(ind).append("record ").append(id).append(" {\n");
        for (Field f : r.fields()) {
          out.append(inner).append(WitIdentifier.of(f.name())).append(": ").append(ref(f.type(), scope)).append(",\n");
        }
        out.append(ind).append("}\n");
      }
      case VariantType v -> {
        out.append(ind).append("variant ").append(id).append(" {\n");
        for (Case c : v.cases()) {
          out.append(inner).append(WitIdentifier.of(c.name()));
          c.type().ifPresent(t -> out.append('(').append(ref(t, scope)).append(')'));
          out.append(",\n");
        }
        out.append(ind).append("}\n");
      }
      case EnumType e -> labels(out, ind, "enum ", id, e.labels());
      case FlagsType f -> labels(out, ind, "flags ", id, f.labels());
      case ValType v -> out.append(ind).append("type ").append(id).append(" = ").append(anonymous(v, scope)).append(";\n");
      default -> out.append(ind).append("// type ").append(id).append(" has no WIT spelling\n");
    }
  }

  private static void labels(StringBuilder out, String ind, String keyword, String id, List<String> labels) {
    out.append(ind).append(keyword).append(id).append(" {\n");
    for (String label : labels) {
      out.append(ind).append(INDENT).append(WitIdentifier.of(label)).append(",\n");
    }
    out.append(ind).append("}\n");
  }

  private String resourceFunction(ResourceFunction f, Scope scope) {
    ResourceFunctionName n = f.name();
    return switch (n.kind()) {
      case CONSTRUCTOR -> {
        String params = params(f.type().params(), scope, 0);
        // A constructor's result is own<r>, which WIT leaves implicit; a fallible one returns a result.
        String result = f.type().result().filter(t -> !(t instanceof OwnType))
            .map(t -> " -> " + ref(t, scope)).orElse("");
        yield "constructor(" + params + ")" + result;
      }
      case METHOD -> WitIdentifier.of(n.function()) + ": " + func(f.type(), scope, isSelf(f.type()) ? 1 : 0);
      case STATIC -> WitIdentifier.of(n.function()) + ": static " + func(f.type(), scope, 0);
    };
  }

  private static boolean isSelf(FuncType f) {
    return !f.params().isEmpty() && f.params().get(0).name().equals("self");
  }

  private String func(FuncType f, Scope scope, int skip) {
    return "func(" + params(f.params(), scope, skip) + ")"
        + f.result().map(t -> " -> " + ref(t, scope)).orElse("");
  }

  private String params(List<Param> params, Scope scope, int skip) {
    return params.stream()
        .skip(skip)
        .map(p -> WitIdentifier.of(p.name()) + ": " + ref(p.type(), scope))
        .collect(Collectors.joining(", "));
  }

  /** A reference to a type from inside a scope: its name there if it has one. */
  private String ref(ValType type, Scope scope) {
    if (!(type instanceof PrimitiveType)) {
      String name = scope.names.get(type);
      if (name != null) {
        return WitIdentifier.of(name);
      }
    }
    return anonymous(type, scope);
  }

  private String anonymous(ValType type, Scope scope) {
    return switch (type) {
      case PrimitiveType p -> p.witName();
      case ListType l -> "list<" + ref(l.element(), scope) + ">";
      case OptionType o -> "option<" + ref(o.element(), scope) + ">";
      case TupleType t -> t.elements().stream().map(e -> ref(e, scope))
          .collect(Collectors.joining(", ", "tuple<", ">"));
      case ResultType r -> result(r, scope);
      case OwnType o -> resourceName(o.resource(), scope);
      case BorrowType b -> "borrow<" + resourceName(b.resource(), scope) + ">";
      // A named definition that this scope did not import: refer to it by its declared name.
      case RecordType r -> declaredName(r);
      case VariantType v -> declaredName(v);
      case EnumType e -> declaredName(e);
      case FlagsType f -> declaredName(f);
    };
  }

  private String result(ResultType r, Scope scope) {
    if (r.ok().isEmpty() && r.error().isEmpty()) {
      return "result";
    }
    if (r.error().isEmpty()) {
      return "result<" + ref(r.ok().get(), scope) + ">";
    }
    return "result<" + r.ok().map(t -> ref(t, scope)).orElse("_") + ", " + ref(r.error().get(), scope) + ">";
  }

  private String resourceName(ResourceType resource, Scope scope) {
    String name = scope.names.get(resource);
    return WitIdentifier.of(name != null ? name : declaredNameOr(resource, resource.name()));
  }

  private String declaredName(ValType type) {
    return WitIdentifier.of(declaredNameOr(type, type.getClass().getSimpleName()));
  }

  private String declaredNameOr(DefType type, String fallback) {
    Declared d = declarations.get(type);
    return d != null ? d.name() : fallback;
  }
}
