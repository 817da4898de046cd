package io.cloister.bindgen.java;

import io.cloister.bindgen.model.Function;
import io.cloister.bindgen.model.Interface;
import io.cloister.bindgen.model.TypeDef;
import io.cloister.bindgen.model.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods of an interface's host interface, in order: one per function, plus a drop method per
 * resource right after the resource's functions (or at the end for a resource without any).
 */
final class Members {

  /** A method: either a function or the drop of a resource. */
  record Member(String javaName, Function function, TypeId dropped) {}

  private Members() {}

  /** The methods of {@code iface}; fails on two WIT items that map to one Java name. */
  static List<Member> of(Interface iface, Layout layout) throws GenerationException {
    List<Member> out = new ArrayList<>();
    Set<String> resources = new LinkedHashSet<>();
    for (TypeDef d : iface.types()) {
      if (d instanceof TypeDef.Resource) {
        resources.add(d.name());
      }
    }
    Map<String, String> used = new HashMap<>();
    List<Function> fs = iface.functions();
    for (int i = 0; i < fs.size(); i++) {
      Function f = fs.get(i);
      add(out, used, new Member(methodName(f), f, null), f.importName(), iface);
      boolean lastOfResource =
          f.resource().isPresent()
              && (i + 1 == fs.size() || !fs.get(i + 1).resource().equals(f.resource()));
      if (lastOfResource && resources.remove(f.resource().get())) {
        addDrop(out, used, new TypeId(iface.id(), f.resource().get()), layout, iface);
      }
    }
    for (String r : resources) {
      addDrop(out, used, new TypeId(iface.id(), r), layout, iface);
    }
    return out;
  }

  private static void addDrop(
      List<Member> out, Map<String, String> used, TypeId r, Layout layout, Interface iface)
      throws GenerationException {
    add(
        out,
        used,
        new Member("drop" + JavaNames.upperCamel(r.name()), null, r),
        "[resource-drop]" + r.name(),
        iface);
  }

  private static void add(
      List<Member> out, Map<String, String> used, Member m, String witName, Interface iface)
      throws GenerationException {
    String prev = used.putIfAbsent(m.javaName(), witName);
    if (prev != null) {
      throw new GenerationException(
          prev
              + " and "
              + witName
              + " of "
              + iface.id()
              + " both map to Java method "
              + m.javaName());
    }
    out.add(m);
  }

  /**
   * {@code read} of {@code input-stream} → {@code inputStreamRead}; constructors → {@code newX}.
   */
  static String methodName(Function f) {
    return switch (f.kind()) {
      case FREE -> JavaNames.lowerCamel(f.name());
      case CONSTRUCTOR -> "new" + JavaNames.upperCamel(f.resource().orElseThrow());
      case METHOD, STATIC -> JavaNames.lowerCamel(f.resource().orElseThrow() + "-" + f.name());
    };
  }

  /** The Java name of a parameter. */
  static String paramName(Function.Param p) {
    return JavaNames.lowerCamel(p.name());
  }
}
