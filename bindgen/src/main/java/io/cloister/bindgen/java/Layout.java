package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.InterfaceId;
import io.cloister.bindgen.model.Model;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import io.cloister.bindgen.model.WitPackage;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where everything of a model goes in Java: packages, class names, nested type names, the tuple
 * classes the runtime lacks, and which resource types each named type's glue needs.
 */
final class Layout {
  /** Tuple arities {@code io.cloister.component.bind} has classes for. */
  private static final int MIN_RUNTIME_TUPLE = 2;

  private static final int MAX_RUNTIME_TUPLE = 6;

  private final Model model;
  private final String basePackage;
  private final Map<InterfaceId, String> packages = new HashMap<>();
  private final Map<InterfaceId, String> classes = new HashMap<>();
  private final Map<TypeId, String> nested = new HashMap<>();
  private final Map<InterfaceId, Set<String>> nestedNames = new HashMap<>();
  private final Map<String, Set<String>> packageClasses = new HashMap<>();
  private final SortedSet<Integer> extraTuples = new TreeSet<>();
  private final Map<TypeId, SortedSet<TypeId>> deps = new HashMap<>();

  Layout(Model model, String basePackage) throws GenerationException {
    this.model = model;
    this.basePackage = basePackage;
    Map<String, InterfaceId> owners = new LinkedHashMap<>();
    for (WitPackage p : model.packages()) {
      String pkg = JavaNames.javaPackage(basePackage, p.name());
      for (Interface i : p.interfaces()) {
        String cls = JavaNames.upperCamel(i.id().name());
        packages.put(i.id(), pkg);
        classes.put(i.id(), cls);
        for (String c : new String[] {cls, cls + "Link", cls + "Denied"}) {
          InterfaceId prev = owners.putIfAbsent(pkg + "." + c, i.id());
          if (prev != null) {
            throw new GenerationException(
                "interfaces "
                    + prev
                    + " and "
                    + i.id()
                    + " both map to Java class "
                    + pkg
                    + "."
                    + c);
          }
          packageClasses.computeIfAbsent(pkg, k -> new HashSet<>()).add(c);
        }
        nestedNames(i, cls);
        scanTuples(i);
      }
    }
    for (int n : extraTuples) {
      packageClasses.computeIfAbsent(basePackage, k -> new HashSet<>()).add("Tuple" + n);
    }
  }

  private void nestedNames(Interface i, String cls) throws GenerationException {
    Set<String> names = new HashSet<>();
    for (TypeDef d : i.types()) {
      String n = JavaNames.upperCamel(d.name());
      if (n.equals(cls)) {
        n += d instanceof TypeDef.Resource ? "Resource" : "Type";
      }
      if (!names.add(n)) {
        throw new GenerationException(
            "two types of " + i.id() + " map to the Java name " + cls + "." + n);
      }
      if (d instanceof TypeDef.Flags f && f.labels().size() > 64) {
        throw new GenerationException(
            "flags "
                + d.name()
                + " of "
                + i.id()
                + " has "
                + f.labels().size()
                + " members; at most 64 are supported");
      }
      nested.put(new TypeId(i.id(), d.name()), n);
    }
    nestedNames.put(i.id(), Collections.unmodifiableSet(names));
  }

  private void scanTuples(Interface i) {
    for (TypeDef d : i.types()) {
      switch (d) {
        case TypeDef.Record r -> r.fields().forEach(f -> scanTuples(f.type()));
        case TypeDef.Variant v -> v.cases().forEach(c -> c.type().ifPresent(this::scanTuples));
        default -> {}
      }
    }
    for (Function f : i.functions()) {
      f.params().forEach(p -> scanTuples(p.type()));
      f.result().ifPresent(this::scanTuples);
    }
  }

  private void scanTuples(Type t) {
    switch (t) {
      case Type.ListOf l -> scanTuples(l.element());
      case Type.OptionOf o -> scanTuples(o.element());
      case Type.ResultOf r -> {
        r.ok().ifPresent(this::scanTuples);
        r.error().ifPresent(this::scanTuples);
      }
      case Type.TupleOf tu -> {
        int n = tu.elements().size();
        if (n < MIN_RUNTIME_TUPLE || n > MAX_RUNTIME_TUPLE) {
          extraTuples.add(n);
        }
        tu.elements().forEach(this::scanTuples);
      }
      default -> {}
    }
  }

  Model model() {
    return model;
  }

  String basePackage() {
    return basePackage;
  }

  /** The Java package of an interface. */
  String javaPackage(InterfaceId id) {
    return packages.get(id);
  }

  /** The simple name of an interface's host interface. */
  String className(InterfaceId id) {
    return classes.get(id);
  }

  /** The nested Java type of a named type, simple name. */
  String nestedName(TypeId id) {
    return nested.get(id);
  }

  /** The record name of a variant case: never the variant's or its interface's own name. */
  String caseName(TypeId variant, TypeDef.Case c) {
    String n = JavaNames.upperCamel(c.name());
    return n.equals(nestedName(variant)) || n.equals(className(variant.iface())) ? n + "Case" : n;
  }

  /** The simple names of an interface's nested types. */
  Set<String> nestedNames(InterfaceId id) {
    return nestedNames.get(id);
  }

  /** The simple names of every generated top-level class of a Java package. */
  Set<String> packageClasses(String javaPackage) {
    return packageClasses.getOrDefault(javaPackage, Set.of());
  }

  /** The tuple arities generated as classes of the base package (the runtime has 2 to 6). */
  SortedSet<Integer> extraTuples() {
    return extraTuples;
  }

  /** The class of tuples of {@code n} elements. */
  String tupleClass(int n) {
    return n >= MIN_RUNTIME_TUPLE && n <= MAX_RUNTIME_TUPLE
        ? "io.cloister.component.bind.Tuple" + n
        : basePackage + ".Tuple" + n;
  }

  /** The resources whose types lowering (or typing) a value of {@code t} needs, sorted. */
  SortedSet<TypeId> deps(Type t) {
    SortedSet<TypeId> out = new TreeSet<>();
    collect(t, out);
    return out;
  }

  /** The resources whose types the glue of named type {@code id} needs, sorted. */
  SortedSet<TypeId> deps(TypeId id) {
    SortedSet<TypeId> d = deps.get(id);
    if (d == null) {
      d = new TreeSet<>();
      switch (model.def(id)) {
        case TypeDef.Record r -> {
          for (TypeDef.Field f : r.fields()) {
            collect(f.type(), d);
          }
        }
        case TypeDef.Variant v -> {
          for (TypeDef.Case c : v.cases()) {
            if (c.type().isPresent()) {
              collect(c.type().get(), d);
            }
          }
        }
        default -> {}
      }
      d = Collections.unmodifiableSortedSet(d);
      deps.put(id, d);
    }
    return d;
  }

  private void collect(Type t, SortedSet<TypeId> out) {
    switch (t) {
      case Type.Primitive p -> {}
      case Type.ListOf l -> collect(l.element(), out);
      case Type.OptionOf o -> collect(o.element(), out);
      case Type.ResultOf r -> {
        r.ok().ifPresent(x -> collect(x, out));
        r.error().ifPresent(x -> collect(x, out));
      }
      case Type.TupleOf tu -> tu.elements().forEach(x -> collect(x, out));
      case Type.Named n -> out.addAll(deps(n.id()));
      case Type.Handle h -> out.add(h.resource());
    }
  }
}
