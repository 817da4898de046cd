package io.cloister.artifact.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.json.JsonCalls;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.wit.WitPrinter;
import java.util.ArrayList;
import java.util.List;

/** Derives a component's {@link Metadata} from its validated type. Deterministic: no maps. */
public final class MetadataExtractor {
  private MetadataExtractor() {}

  /** The metadata of a validated component. */
  public static Metadata of(ValidatedComponent component) {
    return new Metadata(
        WitPrinter.printWithInterfaces(component.type()),
        functions(component.type().imports()),
        functions(component.type().exports()));
  }

  private static List<FunctionItem> functions(List<ExternDecl> decls) {
    List<FunctionItem> out = new ArrayList<>();
    for (ExternDecl d : decls) {
      switch (d.type()) {
        case FuncType f -> out.add(new FunctionItem(d.name(), signature(d.name(), f)));
        case InstanceType i -> {
          for (ExternDecl e : i.exports()) {
            if (e.type() instanceof FuncType f) {
              String name = d.name() + "#" + e.name();
              out.add(new FunctionItem(name, signature(name, f)));
            }
          }
        }
        default -> {} // types, values, components: the WIT text has them
      }
    }
    return out;
  }

  /** {@code func(a: u32) -> string}, spelled as the JSON call mapping spells the types. */
  private static String signature(String name, FuncType type) {
    JsonNode described = JsonCalls.describe(name, type);
    StringBuilder out = new StringBuilder("func(");
    String sep = "";
    for (JsonNode p : described.get("params")) {
      out.append(sep).append(p.get("name").asText()).append(": ").append(p.get("type").get("wit").asText());
      sep = ", ";
    }
    out.append(')');
    JsonNode result = described.get("result");
    if (!result.isNull()) {
      out.append(" -> ").append(result.get("wit").asText());
    }
    return out.toString();
  }
}
