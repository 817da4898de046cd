package io.cloister.component.link;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.util.ArrayList;
import java.util.List;

/**
 * Function types in WIT syntax with every type spelled out structurally (type names are not part
 * of a component type), for link errors a person can compare side by side.
 */
final class TypeText {
  private TypeText() {}

  /** {@code func(a: u32) -> option<string>}. */
  static String of(FuncType f) {
    List<String> params = new ArrayList<>();
    for (Param p : f.params()) {
      params.add(p.name() + ": " + of(p.type()));
    }
    return "func(" + String.join(", ", params) + ")" + f.result().map(r -> " -> " + of(r)).orElse("");
  }

  /** One value type. */
  static String of(ValType t) {
    return switch (t) {
      case PrimitiveType p -> p.witName();
      case ListType l -> "list<" + of(l.element()) + ">";
      case OptionType o -> "option<" + of(o.element()) + ">";
      case ResultType r ->
          r.ok().isEmpty() && r.error().isEmpty()
              ? "result"
              : "result<"
                  + r.ok().map(TypeText::of).orElse("_")
                  + r.error().map(e -> ", " + of(e)).orElse("")
                  + ">";
      case TupleType tt -> "tuple<" + String.join(", ", tt.elements().stream().map(TypeText::of).toList()) + ">";
      case RecordType r -> {
        List<String> fields = new ArrayList<>();
        for (Field f : r.fields()) {
          fields.add(f.name() + ": " + of(f.type()));
        }
        yield "record { " + String.join(", ", fields) + " }";
      }
      case VariantType v -> {
        List<String> cases = new ArrayList<>();
        for (Case c : v.cases()) {
          cases.add(c.name() + c.type().map(p -> "(" + of(p) + ")").orElse(""));
        }
        yield "variant { " + String.join(", ", cases) + " }";
      }
      case EnumType e -> "enum { " + String.join(", ", e.labels()) + " }";
      case FlagsType fl -> "flags { " + String.join(", ", fl.labels()) + " }";
      case OwnType o -> "own<" + o.resource().name() + ">";
      case BorrowType b -> "borrow<" + b.resource().name() + ">";
    };
  }
}
