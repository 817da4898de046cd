package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.Type;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an interface's deny-by-default implementation: each function answers the denial its WIT
 * type can express (an access error, nothing, an empty list) or traps the guest.
 */
final class DeniedWriter {
  /** Error cases that mean "not allowed", in order of preference. */
  private static final List<String> DENIAL_CASES =
      List.of("access", "access-denied", "not-permitted", "HTTP-request-denied");

  private final Layout layout;
  private final Interface iface;
  private final String cls;
  private final JavaTypes types;
  private final Src src = new Src();

  DeniedWriter(Layout layout, Interface iface) {
    this.layout = layout;
    this.iface = iface;
    this.cls = layout.className(iface.id());
    String pkg = layout.javaPackage(iface.id());
    Set<String> reserved = new HashSet<>(layout.packageClasses(pkg));
    reserved.addAll(layout.nestedNames(iface.id())); // inherited from the host interface
    this.types = new JavaTypes(layout, new Imports(pkg, reserved), iface.id(), false);
  }

  JavaFile write() throws GenerationException {
    String name = cls + "Denied";
    Doc.write(
        src,
        List.of(
            List.of(
                "Denies WIT interface {@code " + iface.id().qualified() + "}: what an app that is",
                "not granted it gets. Functions answer an access error, nothing or an empty list",
                "where their type can say so, and otherwise trap the guest with {@link",
                types.ref(JavaTypes.BIND + "CapabilityDeniedException") + "}.")));
    src.open("public final class " + name + " implements " + cls + " {");
    src.line("/** The one instance. */");
    src.line("public static final " + name + " INSTANCE = new " + name + "();");
    src.line("");
    src.line("private " + name + "() {}");
    for (Members.Member m : Members.of(iface, layout)) {
      src.line("");
      src.line("@Override");
      if (m.function() == null) {
        String res = layout.nestedName(m.dropped());
        src.line(
            "public void "
                + m.javaName()
                + "("
                + types.ref(JavaTypes.BIND + "Own")
                + "<"
                + res
                + "> handle) {}");
        continue;
      }
      Function f = m.function();
      String head = "public " + InterfaceWriter.returnType(types, f) + " " + m.javaName();
      List<String> params = InterfaceWriter.params(types, f);
      String body = denial(f);
      if (body == null) {
        Units.header(src, head, params, " {}");
      } else {
        Units.header(src, head, params, " {");
        src.indent().line(body).dedent().line("}");
      }
    }
    src.close("}");
    return Units.file(layout, iface, name, types.imports(), src);
  }

  /** The statement that denies {@code f}, or null for an empty body. */
  private String denial(Function f) {
    if (f.result().isEmpty()) {
      return null;
    }
    Type t = f.result().get();
    switch (t) {
      case Type.OptionOf o -> {
        return "return " + types.ref("java.util.Optional") + ".empty();";
      }
      case Type.ListOf l when l.element() == Type.Primitive.U8 -> {
        return "return new byte[0];";
      }
      case Type.ListOf l -> {
        return "return " + types.ref("java.util.List") + ".of();";
      }
      case Type.ResultOf r when r.error().isPresent() -> {
        Optional<String> err = denialValue(r.error().get());
        if (err.isPresent()) {
          return "return " + types.ref(JavaTypes.BIND + "Result") + ".err(" + err.get() + ");";
        }
      }
      default -> {}
    }
    return "throw new "
        + types.ref(JavaTypes.BIND + "CapabilityDeniedException")
        + "("
        + cls
        + "Link.INTERFACE, \""
        + f.importName()
        + "\");";
  }

  /** A Java expression of the "denied" value of an error type, if it has one. */
  private Optional<String> denialValue(Type error) {
    if (!(error instanceof Type.Named n)) {
      return Optional.empty();
    }
    TypeId id = n.id();
    String ref = types.nestedRef(id, Set.of());
    switch (layout.model().def(id)) {
      case TypeDef.Enum e -> {
        for (String want : DENIAL_CASES) {
          for (TypeDef.Label l : e.labels()) {
            if (l.name().equals(want)) {
              return Optional.of(ref + "." + JavaNames.upperSnake(l.name()));
            }
          }
        }
      }
      case TypeDef.Variant v -> {
        for (String want : DENIAL_CASES) {
          for (TypeDef.Case c : v.cases()) {
            if (c.name().equals(want) && c.type().isEmpty()) {
              return Optional.of("new " + ref + "." + layout.caseName(id, c) + "()");
            }
          }
        }
      }
      default -> {}
    }
    return Optional.empty();
  }
}
