package io.cloister.component.abi;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
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
import java.util.List;
import java.util.Optional;

/** Builds the {@link Codec} of a value type (the spec's {@code despecialize} happens here). */
final class Codecs {
  private Codecs() {}

  static Codec of(ValType type) {
    return switch (type) {
      case PrimitiveType p ->
          p == PrimitiveType.STRING ? new StringCodec() : new ScalarCodec(p);
      case ListType l ->
          l.element() == PrimitiveType.U8 ? new ByteListCodec() : new ListCodec(of(l.element()));
      case RecordType r -> {
        if (r.fields().isEmpty()) {
          throw new IllegalArgumentException("a record needs at least one field");
        }
        yield RecordCodec.of(
            "record", r.fields().stream().map(f -> of(f.type())).toList(), false);
      }
      case TupleType t -> {
        if (t.elements().isEmpty()) {
          throw new IllegalArgumentException("a tuple needs at least one element");
        }
        List<Codec> elements = t.elements().stream().map(Codecs::of).toList();
        yield RecordCodec.of(
            "tuple<" + String.join(", ", elements.stream().map(c -> c.name).toList()) + ">",
            elements,
            true);
      }
      case VariantType v -> {
        if (v.cases().isEmpty()) {
          throw new IllegalArgumentException("a variant needs at least one case");
        }
        yield new VariantCodec(
            "variant",
            VariantCodec.Shape.VARIANT,
            v.cases().stream().map(Case::type).map(Codecs::ofOptional).toArray(Codec[]::new));
      }
      case EnumType e -> {
        if (e.labels().isEmpty()) {
          throw new IllegalArgumentException("an enum needs at least one label");
        }
        yield new VariantCodec(
            "enum", VariantCodec.Shape.ENUM, new Codec[e.labels().size()]);
      }
      case OptionType o -> {
        Codec some = of(o.element());
        yield new VariantCodec(
            "option<" + some.name + ">", VariantCodec.Shape.OPTION, new Codec[] {null, some});
      }
      case ResultType r -> {
        Codec ok = ofOptional(r.ok());
        Codec err = ofOptional(r.error());
        yield new VariantCodec(
            "result<" + (ok == null ? "_" : ok.name) + ", " + (err == null ? "_" : err.name) + ">",
            VariantCodec.Shape.RESULT,
            new Codec[] {ok, err});
      }
      case FlagsType f -> new FlagsCodec("flags", f.labels().size());
      case OwnType o -> new HandleCodec(o.resource(), true);
      case BorrowType b -> new HandleCodec(b.resource(), false);
    };
  }

  private static Codec ofOptional(Optional<ValType> type) {
    return type.map(Codecs::of).orElse(null);
  }
}
