package io.cloister.component.binary;

import io.cloister.component.types.CoreModuleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The imports and exports of a core module, with their resolved core types. */
public record CoreModuleInfo(List<Import> imports, Map<String, CoreExternType> exports) {
  public CoreModuleInfo {
    imports = List.copyOf(imports);
    exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
  }

  /** One import of the module. */
  public record Import(String module, String name, CoreExternType type) {}

  /** This module's type in the shape of the public type model. */
  public CoreModuleType toModuleType() {
    List<CoreModuleType.CoreExtern> is = new ArrayList<>();
    for (Import i : imports) {
      is.add(new CoreModuleType.CoreExtern(i.module(), i.name(), i.type().kind(), text(i.type())));
    }
    List<CoreModuleType.CoreExtern> es = new ArrayList<>();
    for (Map.Entry<String, CoreExternType> e : exports.entrySet()) {
      es.add(new CoreModuleType.CoreExtern("", e.getKey(), e.getValue().kind(), text(e.getValue())));
    }
    return new CoreModuleType(is, es);
  }

  private static String text(CoreExternType t) {
    return switch (t) {
      case CoreExternType.Func f -> funcText(f.type());
      case CoreExternType.Tag g -> funcText(g.type());
      case CoreExternType.Table tb -> limitsText(tb.limits()) + " " + valText(tb.elementType());
      case CoreExternType.Memory m -> limitsText(m.limits());
      case CoreExternType.Global g ->
          g.mutable() ? "(mut " + valText(g.type()) + ")" : valText(g.type());
    };
  }

  private static String funcText(com.dylibso.chicory.wasm.types.FunctionType f) {
    StringBuilder sb = new StringBuilder("(func");
    if (!f.params().isEmpty()) {
      sb.append(" (param");
      f.params().forEach(p -> sb.append(' ').append(valText(p)));
      sb.append(')');
    }
    if (!f.returns().isEmpty()) {
      sb.append(" (result");
      f.returns().forEach(p -> sb.append(' ').append(valText(p)));
      sb.append(')');
    }
    return sb.append(')').toString();
  }

  private static String limitsText(CoreTypeDecl.Limits l) {
    return l.max() < 0 ? Long.toString(l.min()) : l.min() + " " + l.max();
  }

  private static String valText(com.dylibso.chicory.wasm.types.ValType v) {
    return v.name().toLowerCase(java.util.Locale.ROOT);
  }
}
