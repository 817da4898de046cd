package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A WIT type as written, before names are resolved. */
public sealed interface TypeExpr {

  /** Where the type is written. */
  Pos pos();

  /** The type in WIT syntax. */
  String toWit();

  /** A primitive type: {@code bool}, {@code u32}, {@code string}, ... */
  record Primitive(String name, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      return name;
    }
  }

  /** {@code list<T>}. */
  record ListOf(TypeExpr element, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      return "list<" + element.toWit() + ">";
    }
  }

  /** {@code option<T>}. */
  record OptionOf(TypeExpr element, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      return "option<" + element.toWit() + ">";
    }
  }

  /** {@code result<T, E>}, {@code result<_, E>}, {@code result<T>} or {@code result}. */
  record ResultOf(Optional<TypeExpr> ok, Optional<TypeExpr> error, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      if (error.isPresent()) {
        return "result<" + ok.map(TypeExpr::toWit).orElse("_") + ", " + error.get().toWit() + ">";
      }
      return ok.map(t -> "result<" + t.toWit() + ">").orElse("result");
    }
  }

  /** {@code tuple<A, B, ...>}. */
  record TupleOf(List<TypeExpr> elements, Pos pos) implements TypeExpr {
    public TupleOf {
      elements = List.copyOf(elements);
    }

    @Override
    public String toWit() {
      return elements.stream()
          .map(TypeExpr::toWit)
          .collect(Collectors.joining(", ", "tuple<", ">"));
    }
  }

  /** {@code own<r>} (owned) or {@code borrow<r>}. */
  record Handle(String resource, boolean owned, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      return (owned ? "own<" : "borrow<") + resource + ">";
    }
  }

  /** A name: a type defined in or used into the interface. */
  record Named(String name, Pos pos) implements TypeExpr {
    @Override
    public String toWit() {
      return name;
    }
  }
}
