package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes an interface's host interface: its nested types and one method per function. */
final class InterfaceWriter {
  private final Layout layout;
  private final Interface iface;
  private final String cls;
  private final JavaTypes types;
  private final Src src = new Src();

  InterfaceWriter(Layout layout, Interface iface) {
    this.layout = layout;
    this.iface = iface;
    this.cls = layout.className(iface.id());
    String pkg = layout.javaPackage(iface.id());
    Set<String> reserved = new HashSet<>(layout.packageClasses(pkg));
    reserved.addAll(layout.nestedNames(iface.id()));
    this.types = new JavaTypes(layout, new Imports(pkg, reserved), iface.id(), false);
  }

  JavaFile write() throws GenerationException {
    List<List<String>> doc = new ArrayList<>();
    doc.add(Doc.lines(iface.doc()));
    doc.add(
        List.of(
            "The host side of WIT interface {@code "
                + iface.id().qualified()
                + "}: implement it and",
            "link it with {@link " + cls + "Link#define}; {@link " + cls + "Denied} denies it."));
    Doc.write(src, doc);
    src.open("public interface " + cls + " {");
    boolean first = true;
    for (TypeDef d : iface.types()) {
      if (!first) {
        src.line("");
      }
      first = false;
      nestedType(d);
    }
    for (Members.Member m : Members.of(iface, layout)) {
      if (!first) {
        src.line("");
      }
      first = false;
      if (m.function() != null) {
        method(m.javaName(), m.function());
      } else {
        drop(m.javaName(), m.dropped());
      }
    }
    src.close("}");
    return Units.file(layout, iface, cls, types.imports(), src);
  }

  private void nestedType(TypeDef d) {
    String name = layout.nestedName(new TypeId(iface.id(), d.name()));
    List<List<String>> doc = new ArrayList<>();
    doc.add(Doc.lines(d.doc()));
    switch (d) {
      case TypeDef.Record r -> {
        doc.add(List.of("WIT: {@code record " + r.name() + "}."));
        List<String> params = new ArrayList<>();
        for (TypeDef.Field f : r.fields()) {
          if (!f.doc().isBlank()) {
            List<String> l = Doc.lines(f.doc());
            params.add("@param " + JavaNames.lowerCamel(f.name()) + " " + String.join(" ", l));
          }
        }
        doc.add(params);
        Doc.write(src, doc);
        List<String> components = new ArrayList<>();
        for (TypeDef.Field f : r.fields()) {
          components.add(types.type(f.type(), false) + " " + JavaNames.lowerCamel(f.name()));
        }
        Units.header(src, "record " + name, components, " {}");
      }
      case TypeDef.Variant v -> {
        TypeId id = new TypeId(iface.id(), v.name());
        doc.add(List.of("WIT: {@code variant " + v.name() + "}: one record per case."));
        Doc.write(src, doc);
        src.open("sealed interface " + name + " {");
        Set<String> caseNames = new HashSet<>();
        for (TypeDef.Case c : v.cases()) {
          caseNames.add(layout.caseName(id, c));
        }
        boolean first = true;
        for (TypeDef.Case c : v.cases()) {
          if (!first) {
            src.line("");
          }
          first = false;
          List<List<String>> cdoc = new ArrayList<>();
          cdoc.add(Doc.lines(c.doc()));
          cdoc.add(List.of("WIT: case {@code " + c.name() + "}."));
          Doc.write(src, cdoc);
          String payload = c.type().map(t -> types.type(t, false, caseNames) + " value").orElse("");
          src.line(
              "record " + layout.caseName(id, c) + "(" + payload + ") implements " + name + " {}");
        }
        src.close("}");
      }
      case TypeDef.Enum e -> {
        doc.add(List.of("WIT: {@code enum " + e.name() + "}."));
        Doc.write(src, doc);
        constants(name, e.labels());
      }
      case TypeDef.Flags f -> {
        doc.add(
            List.of(
                "WIT: {@code flags "
                    + f.name()
                    + "}; a value is a {@code java.util.Set} of these."));
        Doc.write(src, doc);
        constants(name, f.labels());
      }
      case TypeDef.Resource r -> {
        doc.add(
            List.of(
                "WIT: {@code resource " + r.name() + "}; this class only names the resource in",
                "handles ({@code Own<" + name + ">}, {@code Borrow<" + name + ">})."));
        Doc.write(src, doc);
        src.open("final class " + name + " {");
        src.line("private " + name + "() {}");
        src.close("}");
      }
    }
  }

  private void constants(String name, List<TypeDef.Label> labels) {
    src.open("enum " + name + " {");
    for (int i = 0; i < labels.size(); i++) {
      TypeDef.Label l = labels.get(i);
      if (!l.doc().isBlank()) {
        if (i > 0) {
          src.line("");
        }
        Doc.write(src, List.of(Doc.lines(l.doc())));
      }
      src.line(JavaNames.upperSnake(l.name()) + (i + 1 < labels.size() ? "," : ""));
    }
    src.close("}");
  }

  private void method(String javaName, Function f) {
    List<List<String>> doc = new ArrayList<>();
    doc.add(Doc.lines(f.doc()));
    doc.add(List.of("WIT: {@code " + Doc.code(f.wit()) + "}."));
    f.deprecated().ifPresent(v -> doc.add(List.of("Deprecated in WIT since version " + v + ".")));
    Doc.write(src, doc);
    Units.header(src, returnType(types, f) + " " + javaName, params(types, f), ";");
  }

  private void drop(String javaName, TypeId r) {
    String name = layout.nestedName(r);
    Doc.write(
        src,
        List.of(
            List.of(
                "The guest dropped its last owning handle of {@code "
                    + r.name()
                    + "} {@code handle}:",
                "release what the handle's representation stands for.")));
    src.line(
        "void " + javaName + "(" + types.ref(JavaTypes.BIND + "Own") + "<" + name + "> handle);");
  }

  static String returnType(JavaTypes types, Function f) {
    return f.result().map(t -> types.type(t, false)).orElse("void");
  }

  static List<String> params(JavaTypes types, Function f) {
    List<String> out = new ArrayList<>();
    for (Function.Param p : f.params()) {
      out.add(types.type(p.type(), false) + " " + Members.paramName(p));
    }
    return out;
  }
}
