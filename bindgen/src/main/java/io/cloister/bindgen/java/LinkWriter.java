package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes an interface's glue: {@code define} puts every function and resource into a linker with
 * its exact component type, lifting arguments to Java and lowering results back; public {@code
 * type/lift/lowerX} methods per named type let other interfaces' glue reuse the conversions.
 */
final class LinkWriter {
  private final Layout layout;
  private final Interface iface;
  private final String cls;
  private final JavaTypes types;
  private final String state;
  private final Src src = new Src();

  LinkWriter(Layout layout, Interface iface) {
    this.layout = layout;
    this.iface = iface;
    this.cls = layout.className(iface.id());
    String pkg = layout.javaPackage(iface.id());
    Set<String> reserved = layout.packageClasses(pkg);
    this.types = new JavaTypes(layout, new Imports(pkg, reserved), iface.id(), true);
    // The state type variable must not hide a class of the package the glue names.
    this.state = reserved.contains("T") ? "StateT" : "T";
  }

  JavaFile write() throws GenerationException {
    String name = cls + "Link";
    Doc.write(
        src,
        List.of(
            List.of(
                "Links WIT interface {@code "
                    + iface.id().qualified()
                    + "} to a host implementation",
                "of {@link " + cls + "}, or denies it ({@link " + cls + "Denied}).")));
    src.open("public final class " + name + " {");
    src.line("/** The interface's name, as components import it. */");
    src.line("public static final String INTERFACE = \"" + iface.id().qualified() + "\";");
    src.line("");
    src.line("private " + name + "() {}");
    src.line("");
    define();
    src.line("");
    Doc.write(
        src,
        List.of(List.of("Defines the interface in {@code linker} as denied to every instance.")));
    src.open(
        "public static <"
            + state
            + "> void deny("
            + types.ref("io.cloister.component.link.Linker")
            + "<"
            + state
            + "> linker) {");
    src.line("define(linker, state -> " + cls + "Denied.INSTANCE);");
    src.close("}");
    for (TypeDef d : iface.types()) {
      if (!(d instanceof TypeDef.Resource)) {
        glue(new TypeId(iface.id(), d.name()), d);
      }
    }
    for (List<String> method : types.tupleLifters()) {
      src.line("");
      method.forEach(src::line);
    }
    src.close("}");
    return Units.file(layout, iface, name, types.imports(), src);
  }

  // ---- define

  private void define() throws GenerationException {
    List<TypeId> own = new ArrayList<>();
    for (TypeDef d : iface.types()) {
      if (d instanceof TypeDef.Resource) {
        own.add(new TypeId(iface.id(), d.name()));
      }
    }
    SortedSet<TypeId> used = new TreeSet<>();
    for (Function f : iface.functions()) {
      f.params().forEach(p -> used.addAll(layout.deps(p.type())));
      f.result().ifPresent(t -> used.addAll(layout.deps(t)));
    }
    Set<TypeId> all = new LinkedHashSet<>(own);
    all.addAll(used);
    Map<TypeId, String> vars = JavaTypes.resourceVars(all);
    String resourceType = all.isEmpty() ? "" : types.ref(JavaTypes.TYPES + "ResourceType");
    String linker = types.ref("io.cloister.component.link.Linker");
    String function = types.ref("java.util.function.Function");
    Doc.write(
        src,
        List.of(
            List.of(
                "Defines every function and resource of the interface in {@code linker}: each call",
                "goes to the implementation {@code host} gives for the calling instance's state."),
            List.of(
                "@param linker the linker to define the interface in",
                "@param host the implementation for an instance's state")));
    src.line("public static <" + state + "> void define(");
    src.line(
        "    "
            + linker
            + "<"
            + state
            + "> linker, "
            + function
            + "<? super "
            + state
            + ", ? extends "
            + cls
            + "> host) {");
    src.indent();
    Members.Member[] members = Members.of(iface, layout).toArray(Members.Member[]::new);
    for (TypeId r : own) {
      String drop = "drop" + JavaNames.upperCamel(r.name());
      src.line(resourceType + " " + vars.get(r) + " =");
      src.line(
          "    linker.defineResource(INTERFACE, \""
              + r.name()
              + "\", (state, rep) -> host.apply(state)."
              + drop
              + "(new "
              + types.ref(JavaTypes.BIND + "Own")
              + "<>(rep)));");
    }
    for (TypeId r : all) {
      if (!r.iface().equals(iface.id())) {
        src.line(
            resourceType
                + " "
                + vars.get(r)
                + " = linker.resourceType(\""
                + r.iface().qualified()
                + "\", \""
                + r.name()
                + "\");");
      }
    }
    for (Members.Member m : members) {
      if (m.function() != null) {
        function(m.javaName(), m.function(), vars);
      }
    }
    src.close("}");
  }

  private void function(String javaName, Function f, Map<TypeId, String> vars) {
    String list = types.ref("java.util.List");
    src.line("linker.defineFunction(");
    src.indent().indent();
    src.line("INTERFACE,");
    src.line("\"" + f.importName() + "\",");
    src.line("new " + types.ref(JavaTypes.TYPES + "FuncType") + "(");
    src.indent().indent();
    if (f.params().isEmpty()) {
      src.line(list + ".of(),");
    } else {
      src.line(list + ".of(");
      src.indent().indent();
      for (int i = 0; i < f.params().size(); i++) {
        Function.Param p = f.params().get(i);
        src.line(
            "new "
                + types.ref(JavaTypes.TYPES + "Param")
                + "(\""
                + p.name()
                + "\", "
                + types.valType(p.type(), vars)
                + ")"
                + (i + 1 < f.params().size() ? "," : "),"));
      }
      src.dedent().dedent();
    }
    src.line(types.optional(f.result().map(t -> types.valType(t, vars)).orElse(null)) + "),");
    src.dedent().dedent();
    src.open("(state, args) -> {");
    List<String> args = new ArrayList<>();
    for (int i = 0; i < f.params().size(); i++) {
      args.add(types.lift(f.params().get(i).type(), "args.get(" + i + ")", 0));
    }
    String call = "host.apply(state)." + javaName + "(" + String.join(", ", args) + ")";
    if (call.length() > Units.WIDTH - 20 && !args.isEmpty()) {
      StringBuilder b = new StringBuilder("host.apply(state)." + javaName + "(");
      for (int i = 0; i < args.size(); i++) {
        b.append("\n    ").append(args.get(i)).append(i + 1 < args.size() ? "," : ")");
      }
      call = b.toString();
    }
    if (f.result().isEmpty()) {
      src.lines(call + ";");
      src.line("return " + list + ".of();");
    } else {
      Type t = f.result().get();
      src.line(types.type(t, false) + " result =");
      src.lines("    " + call.replace("\n", "\n    ") + ";");
      src.line("return " + list + ".of(" + types.lower(t, "result", 0, vars) + ");");
    }
    src.close("});");
    src.dedent().dedent();
  }

  // ---- per named type

  private void glue(TypeId id, TypeDef d) {
    String nested = layout.nestedName(id);
    String javaType = types.type(new Type.Named(id), false);
    String value = types.value();
    String list = types.ref("java.util.List");
    SortedSet<TypeId> deps = layout.deps(id);
    Map<TypeId, String> vars = JavaTypes.resourceVars(deps);
    String resourceType = deps.isEmpty() ? "" : types.ref(JavaTypes.TYPES + "ResourceType");
    List<String> depParams = new ArrayList<>();
    for (TypeId r : deps) {
      depParams.add(resourceType + " " + vars.get(r));
    }
    String typeClass =
        switch (d) {
          case TypeDef.Record r -> "RecordType";
          case TypeDef.Variant v -> "VariantType";
          case TypeDef.Enum e -> "EnumType";
          case TypeDef.Flags f -> "FlagsType";
          case TypeDef.Resource r -> throw new IllegalArgumentException("resource");
        };
    String depDoc = deps.isEmpty() ? "" : ", given the types of the resources it holds";

    // The component type.
    src.line("");
    src.line("/** The component type of {@code " + d.name() + "}" + depDoc + ". */");
    List<String> lines = new ArrayList<>();
    switch (d) {
      case TypeDef.Record r -> {
        for (TypeDef.Field f : r.fields()) {
          lines.add(
              "new "
                  + types.ref(JavaTypes.TYPES + "Field")
                  + "(\""
                  + f.name()
                  + "\", "
                  + types.valType(f.type(), vars)
                  + ")");
        }
      }
      case TypeDef.Variant v -> {
        for (TypeDef.Case c : v.cases()) {
          lines.add(
              "new "
                  + types.ref(JavaTypes.TYPES + "Case")
                  + "(\""
                  + c.name()
                  + "\", "
                  + types.optional(c.type().map(t -> types.valType(t, vars)).orElse(null))
                  + ")");
        }
      }
      case TypeDef.Enum e -> e.labels().forEach(l -> lines.add("\"" + l.name() + "\""));
      case TypeDef.Flags f -> f.labels().forEach(l -> lines.add("\"" + l.name() + "\""));
      case TypeDef.Resource r -> {}
    }
    Units.header(
        src,
        "public static " + types.ref(JavaTypes.TYPES + typeClass) + " type" + nested,
        depParams,
        " {");
    src.indent();
    src.line("return new " + types.ref(JavaTypes.TYPES + typeClass) + "(");
    src.line("    " + list + ".of(");
    for (int i = 0; i < lines.size(); i++) {
      src.line("        " + lines.get(i) + (i + 1 < lines.size() ? "," : "));"));
    }
    src.dedent();
    src.line("}");

    // Lifting.
    src.line("");
    src.line("/** Lifts a {@code " + d.name() + "} value to Java. */");
    src.open("public static " + javaType + " lift" + nested + "(" + value + " v) {");
    switch (d) {
      case TypeDef.Record r -> {
        src.line(list + "<" + value + "> fields = ((" + value + ".RecordValue) v).fields();");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.fields().size(); i++) {
          parts.add(types.lift(r.fields().get(i).type(), "fields.get(" + i + ")", 0));
        }
        Units.header(src, "return new " + javaType, parts, ";");
      }
      case TypeDef.Variant v -> {
        src.line(value + ".VariantValue variant = (" + value + ".VariantValue) v;");
        src.open("return switch (variant.caseIndex()) {");
        for (int i = 0; i < v.cases().size(); i++) {
          TypeDef.Case c = v.cases().get(i);
          String payload =
              c.type().map(t -> types.lift(t, "variant.payload().orElseThrow()", 0)).orElse("");
          src.line(
              "case "
                  + i
                  + " -> new "
                  + javaType
                  + "."
                  + layout.caseName(id, c)
                  + "("
                  + payload
                  + ");");
        }
        src.line(
            "default -> throw new IllegalArgumentException(\""
                + d.name()
                + " has no case \" + variant.caseIndex());");
        src.close("};");
      }
      case TypeDef.Enum e ->
          src.line("return " + javaType + ".values()[((" + value + ".EnumValue) v).index()];");
      case TypeDef.Flags f -> {
        String flag = types.nestedRef(id, Set.of());
        src.line(
            "return "
                + types.ref(JavaTypes.BIND + "Values")
                + ".flags((("
                + value
                + ".FlagsValue) v).bits(), "
                + flag
                + ".class);");
      }
      case TypeDef.Resource r -> {}
    }
    src.close("}");

    // Lowering.
    src.line("");
    src.line("/** Lowers a {@code " + d.name() + "} value from Java" + depDoc + ". */");
    List<String> params = new ArrayList<>();
    params.add(javaType + " x");
    params.addAll(depParams);
    Units.header(src, "public static " + value + " lower" + nested, params, " {");
    src.indent();
    switch (d) {
      case TypeDef.Record r -> {
        List<String> parts = new ArrayList<>();
        for (TypeDef.Field f : r.fields()) {
          parts.add(types.lower(f.type(), "x." + JavaNames.lowerCamel(f.name()) + "()", 0, vars));
        }
        src.line("return new " + value + ".RecordValue(");
        src.line("    " + list + ".of(");
        for (int i = 0; i < parts.size(); i++) {
          src.line("        " + parts.get(i) + (i + 1 < parts.size() ? "," : "));"));
        }
      }
      case TypeDef.Variant v -> {
        src.open("return switch (x) {");
        for (int i = 0; i < v.cases().size(); i++) {
          TypeDef.Case c = v.cases().get(i);
          String payload =
              c.type()
                  .map(t -> types.optional(types.lower(t, "c.value()", 0, vars)))
                  .orElseGet(() -> types.optional(null));
          src.line(
              "case "
                  + javaType
                  + "."
                  + layout.caseName(id, c)
                  + " c -> new "
                  + value
                  + ".VariantValue("
                  + i
                  + ", "
                  + payload
                  + ");");
        }
        src.close("};");
      }
      case TypeDef.Enum e -> src.line("return new " + value + ".EnumValue(x.ordinal());");
      case TypeDef.Flags f ->
          src.line(
              "return new "
                  + value
                  + ".FlagsValue("
                  + types.ref(JavaTypes.BIND + "Values")
                  + ".flags(x));");
      case TypeDef.Resource r -> {}
    }
    src.dedent();
    src.line("}");
  }
}
