package io.cloister.bindgen.java;

import io.cloister.bindgen.model.InterfaceId;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Java spellings, within one compilation unit, of WIT types and of the expressions that convert
 * them: to Java ({@link #lift}), to {@code Value}s ({@link #lower}) and to component types ({@link
 * #valType}).
 */
final class JavaTypes {
  static final String BIND = "io.cloister.component.bind.";
  static final String TYPES = "io.cloister.component.types.";
  static final String VALUE = "io.cloister.component.values.Value";

  private final Layout layout;
  private final Imports imports;
  private final InterfaceId unit;
  private final boolean inLink;
  private final Set<String> unitNested;
  private final Map<Type.TupleOf, String> tupleLifters = new java.util.LinkedHashMap<>();

  /**
   * @param unit the interface whose files are being written
   * @param inLink whether this is its Link class (where its nested types are not in scope)
   */
  JavaTypes(Layout layout, Imports imports, InterfaceId unit, boolean inLink) {
    this.layout = layout;
    this.imports = imports;
    this.unit = unit;
    this.inLink = inLink;
    this.unitNested = inLink ? Set.of() : layout.nestedNames(unit);
  }

  Imports imports() {
    return imports;
  }

  Layout layout() {
    return layout;
  }

  /** A class name, imported if possible. */
  String ref(String fqn) {
    return imports.ref(fqn);
  }

  String value() {
    return ref(VALUE);
  }

  private String values() {
    return ref(BIND + "Values");
  }

  // ---- Java types

  /** The Java type of {@code t}; boxed for use as a type argument. */
  String type(Type t, boolean boxed, Set<String> shadow) {
    return switch (t) {
      case Type.Primitive p -> primitive(p, boxed, shadow);
      case Type.ListOf l when l.element() == Type.Primitive.U8 -> "byte[]";
      case Type.ListOf l ->
          ref("java.util.List", shadow) + "<" + type(l.element(), true, shadow) + ">";
      case Type.OptionOf o ->
          ref("java.util.Optional", shadow) + "<" + type(o.element(), true, shadow) + ">";
      case Type.ResultOf r ->
          ref(BIND + "Result", shadow)
              + "<"
              + r.ok()
                  .map(x -> type(x, true, shadow))
                  .orElseGet(() -> ref("java.lang.Void", shadow))
              + ", "
              + r.error()
                  .map(x -> type(x, true, shadow))
                  .orElseGet(() -> ref("java.lang.Void", shadow))
              + ">";
      case Type.TupleOf tu ->
          ref(layout.tupleClass(tu.elements().size()), shadow)
              + tu.elements().stream()
                  .map(x -> type(x, true, shadow))
                  .collect(Collectors.joining(", ", "<", ">"));
      case Type.Named n ->
          layout.model().def(n.id()) instanceof TypeDef.Flags
              ? ref("java.util.Set", shadow) + "<" + nestedRef(n.id(), shadow) + ">"
              : nestedRef(n.id(), shadow);
      case Type.Handle h ->
          ref(BIND + (h.owned() ? "Own" : "Borrow"), shadow)
              + "<"
              + nestedRef(h.resource(), shadow)
              + ">";
    };
  }

  String type(Type t, boolean boxed) {
    return type(t, boxed, Set.of());
  }

  private String ref(String fqn, Set<String> shadow) {
    return imports.ref(fqn, shadow);
  }

  private String primitive(Type.Primitive p, boolean boxed, Set<String> shadow) {
    String prim =
        switch (p) {
          case BOOL -> "boolean";
          case S8, U8 -> "byte";
          case S16, U16 -> "short";
          case S32, U32, CHAR -> "int";
          case S64, U64 -> "long";
          case F32 -> "float";
          case F64 -> "double";
          case STRING -> null;
        };
    if (prim == null) {
      return ref("java.lang.String", shadow);
    }
    if (!boxed) {
      return prim;
    }
    String box =
        switch (prim) {
          case "boolean" -> "Boolean";
          case "byte" -> "Byte";
          case "short" -> "Short";
          case "int" -> "Integer";
          case "long" -> "Long";
          case "float" -> "Float";
          default -> "Double";
        };
    return ref("java.lang." + box, shadow);
  }

  /** How to name the nested Java type of {@code id} here, where {@code shadow} is in scope. */
  String nestedRef(TypeId id, Set<String> shadow) {
    String simple = layout.nestedName(id);
    String cls = layout.className(id.iface());
    String pkg = layout.javaPackage(id.iface());
    if (id.iface().equals(unit) && !inLink && !shadow.contains(simple)) {
      return simple;
    }
    if (pkg.equals(layout.javaPackage(unit))
        && !shadow.contains(cls)
        && !unitNested.contains(cls)) {
      return cls + "." + simple;
    }
    return pkg + "." + cls + "." + simple;
  }

  /** The prefix that calls a static glue method of interface {@code id}'s Link class. */
  String linkRef(InterfaceId id) {
    if (inLink && id.equals(unit)) {
      return "";
    }
    String cls = layout.className(id) + "Link";
    String pkg = layout.javaPackage(id);
    if (pkg.equals(layout.javaPackage(unit)) && !unitNested.contains(cls)) {
      return cls + ".";
    }
    return pkg + "." + cls + ".";
  }

  // ---- resource type variables

  /** Names of the {@code ResourceType} variables in scope for a set of resources. */
  static Map<TypeId, String> resourceVars(Collection<TypeId> resources) {
    Map<String, Integer> counts = new HashMap<>();
    for (TypeId r : resources) {
      counts.merge(r.name(), 1, Integer::sum);
    }
    Map<TypeId, String> out = new HashMap<>();
    Set<String> used = new java.util.HashSet<>();
    for (TypeId r : resources) {
      String base = counts.get(r.name()) == 1 ? r.name() : r.iface().name() + "-" + r.name();
      String name = JavaNames.lowerCamel(base).replaceAll("_$", "") + "Type";
      for (int i = 2; !used.add(name); i++) {
        name = JavaNames.lowerCamel(base).replaceAll("_$", "") + "Type" + i;
      }
      out.put(r, name);
    }
    return out;
  }

  private static String args(Collection<TypeId> deps, Map<TypeId, String> vars) {
    return deps.stream().map(vars::get).collect(Collectors.joining(", "));
  }

  // ---- lifting: Value to Java

  /** An expression of the Java value of {@code v}, a Value of type {@code t}. */
  String lift(Type t, String v, int depth) {
    String lambda = "v" + depth;
    return switch (t) {
      case Type.Primitive p ->
          switch (p) {
            case U8 -> "(byte) ((" + value() + ".U8) " + v + ").value()";
            case U16 -> "(short) ((" + value() + ".U16) " + v + ").value()";
            case CHAR -> "((" + value() + ".Char) " + v + ").codePoint()";
            case STRING -> "((" + value() + ".Str) " + v + ").value()";
            default -> "((" + value() + "." + valueCase(p) + ") " + v + ").value()";
          };
      case Type.ListOf l when l.element() == Type.Primitive.U8 -> values() + ".bytes(" + v + ")";
      case Type.ListOf l ->
          values()
              + ".list("
              + v
              + ", "
              + lambda
              + " -> "
              + lift(l.element(), lambda, depth + 1)
              + ")";
      case Type.OptionOf o ->
          values()
              + ".option("
              + v
              + ", "
              + lambda
              + " -> "
              + lift(o.element(), lambda, depth + 1)
              + ")";
      case Type.ResultOf r ->
          values()
              + ".result("
              + v
              + ", "
              + r.ok().map(x -> lambda + " -> " + lift(x, lambda, depth + 1)).orElse("null")
              + ", "
              + r.error().map(x -> lambda + " -> " + lift(x, lambda, depth + 1)).orElse("null")
              + ")";
      case Type.TupleOf tu -> tupleLifter(tu) + "(" + v + ")";
      case Type.Named n ->
          linkRef(n.id().iface()) + "lift" + layout.nestedName(n.id()) + "(" + v + ")";
      case Type.Handle h -> values() + (h.owned() ? ".own(" : ".borrow(") + v + ")";
    };
  }

  /**
   * The name of a private method of the Link class that lifts tuples of type {@code tu}; the method
   * itself comes from {@link #tupleLifters}. The '_' keeps it apart from names made of WIT names,
   * which never have one.
   */
  private String tupleLifter(Type.TupleOf tu) {
    return tupleLifters.computeIfAbsent(tu, t -> "liftTuple_" + tupleLifters.size());
  }

  /** The tuple lifting methods the expressions so far call, each as lines of code. */
  List<List<String>> tupleLifters() {
    List<List<String>> out = new ArrayList<>();
    // Writing one may call for more (nested tuples): loop until no new one appears.
    List<Type.TupleOf> done = new ArrayList<>();
    while (done.size() < tupleLifters.size()) {
      for (Type.TupleOf tu : List.copyOf(tupleLifters.keySet())) {
        if (done.contains(tu)) {
          continue;
        }
        done.add(tu);
        String value = value();
        List<String> lines = new ArrayList<>();
        lines.add(
            "private static "
                + type(tu, false)
                + " "
                + tupleLifters.get(tu)
                + "("
                + value()
                + " v) {");
        lines.add(
            "  "
                + ref("java.util.List")
                + "<"
                + value()
                + "> e = (("
                + value()
                + ".TupleValue) v).elements();");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tu.elements().size(); i++) {
          parts.add(lift(tu.elements().get(i), "e.get(" + i + ")", 0));
        }
        String one =
            "  return new "
                + ref(layout.tupleClass(parts.size()))
                + "<>("
                + String.join(", ", parts)
                + ");";
        if (one.length() <= Units.WIDTH - 2) {
          lines.add(one);
        } else {
          lines.add("  return new " + ref(layout.tupleClass(parts.size())) + "<>(");
          for (int i = 0; i < parts.size(); i++) {
            lines.add("      " + parts.get(i) + (i + 1 < parts.size() ? "," : ");"));
          }
        }
        lines.add("}");
        out.add(lines);
      }
    }
    return out;
  }

  /** The Value record of a primitive that holds it as its own Java type. */
  private static String valueCase(Type.Primitive p) {
    return switch (p) {
      case BOOL -> "Bool";
      case S8 -> "S8";
      case S16 -> "S16";
      case S32 -> "S32";
      case U32 -> "U32";
      case S64 -> "S64";
      case U64 -> "U64";
      case F32 -> "F32";
      case F64 -> "F64";
      default -> throw new IllegalArgumentException(p.toString());
    };
  }

  // ---- lowering: Java to Value

  /** An expression of the Value of {@code x}, a Java value of type {@code t}. */
  String lower(Type t, String x, int depth, Map<TypeId, String> vars) {
    String lambda = "x" + depth;
    return switch (t) {
      case Type.Primitive p ->
          switch (p) {
            case U8 -> "new " + value() + ".U8(" + x + " & 0xff)";
            case U16 -> "new " + value() + ".U16(" + x + " & 0xffff)";
            case CHAR -> "new " + value() + ".Char(" + x + ")";
            case STRING -> "new " + value() + ".Str(" + x + ")";
            default -> "new " + value() + "." + valueCase(p) + "(" + x + ")";
          };
      case Type.ListOf l when l.element() == Type.Primitive.U8 ->
          "new " + value() + ".Bytes(" + x + ")";
      case Type.ListOf l ->
          values()
              + ".list("
              + x
              + ", "
              + lambda
              + " -> "
              + lower(l.element(), lambda, depth + 1, vars)
              + ")";
      case Type.OptionOf o ->
          values()
              + ".option("
              + x
              + ", "
              + lambda
              + " -> "
              + lower(o.element(), lambda, depth + 1, vars)
              + ")";
      case Type.ResultOf r ->
          values()
              + ".result("
              + x
              + ", "
              + r.ok().map(y -> lambda + " -> " + lower(y, lambda, depth + 1, vars)).orElse("null")
              + ", "
              + r.error()
                  .map(y -> lambda + " -> " + lower(y, lambda, depth + 1, vars))
                  .orElse("null")
              + ")";
      case Type.TupleOf tu -> {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tu.elements().size(); i++) {
          parts.add(lower(tu.elements().get(i), x + ".v" + i + "()", depth, vars));
        }
        yield "new "
            + value()
            + ".TupleValue("
            + ref("java.util.List")
            + ".of("
            + String.join(", ", parts)
            + "))";
      }
      case Type.Named n -> {
        String deps = args(layout.deps(n.id()), vars);
        yield linkRef(n.id().iface())
            + "lower"
            + layout.nestedName(n.id())
            + "("
            + x
            + (deps.isEmpty() ? "" : ", " + deps)
            + ")";
      }
      case Type.Handle h ->
          values() + (h.owned() ? ".own(" : ".borrow(") + vars.get(h.resource()) + ", " + x + ")";
    };
  }

  // ---- component types

  /** An expression of the component type ({@code ValType}) of {@code t}. */
  String valType(Type t, Map<TypeId, String> vars) {
    return switch (t) {
      case Type.Primitive p -> ref(TYPES + "PrimitiveType") + "." + p.name();
      case Type.ListOf l ->
          "new " + ref(TYPES + "ListType") + "(" + valType(l.element(), vars) + ")";
      case Type.OptionOf o ->
          "new " + ref(TYPES + "OptionType") + "(" + valType(o.element(), vars) + ")";
      case Type.ResultOf r ->
          "new "
              + ref(TYPES + "ResultType")
              + "("
              + optional(r.ok().map(x -> valType(x, vars)).orElse(null))
              + ", "
              + optional(r.error().map(x -> valType(x, vars)).orElse(null))
              + ")";
      case Type.TupleOf tu ->
          "new "
              + ref(TYPES + "TupleType")
              + "("
              + ref("java.util.List")
              + ".of("
              + tu.elements().stream().map(x -> valType(x, vars)).collect(Collectors.joining(", "))
              + "))";
      case Type.Named n ->
          linkRef(n.id().iface())
              + "type"
              + layout.nestedName(n.id())
              + "("
              + args(layout.deps(n.id()), vars)
              + ")";
      case Type.Handle h ->
          "new "
              + ref(TYPES + (h.owned() ? "OwnType" : "BorrowType"))
              + "("
              + vars.get(h.resource())
              + ")";
    };
  }

  /** {@code Optional.of(expr)}, or {@code Optional.empty()} for a null expr. */
  String optional(String expr) {
    String optional = ref("java.util.Optional");
    return expr == null ? optional + ".empty()" : optional + ".of(" + expr + ")";
  }
}
