package io.cloister.component.json;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.util.stream.Collectors;

/** Short WIT spellings of anonymous value types, for messages and descriptions. */
final class TypeNames {
  private TypeNames() {}

  /** {@code list<u8>}, {@code option<string>}, {@code record}, ... (named types by kind). */
  static String wit(ValType type) {
    return switch (type) {
      case PrimitiveType p -> p.witName();
      case ListType l -> "list<" + wit(l.element()) + ">";
      case OptionType o -> "option<" + wit(o.element()) + ">";
      case TupleType t ->
          t.elements().stream().map(TypeNames::wit).collect(Collectors.joining(", ", "tuple<", ">"));
      case ResultType r -> {
        if (r.ok().isEmpty() && r.error().isEmpty()) {
          yield "result";
        }
        if (r.error().isEmpty()) {
          yield "result<" + wit(r.ok().get()) + ">";
        }
        yield "result<" + r.ok().map(TypeNames::wit).orElse("_") + ", " + wit(r.error().get()) + ">";
      }
      case RecordType r -> "record";
      case VariantType v -> "variant";
      case EnumType e -> "enum";
      case FlagsType f -> "flags";
      case OwnType o -> o.resource().name();
      case BorrowType b -> "borrow<" + b.resource().name() + ">";
    };
  }
}
