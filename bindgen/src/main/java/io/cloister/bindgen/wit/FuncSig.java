package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A function's parameters and optional result, as written. */
public record FuncSig(List<ParamDecl> params, Optional<TypeExpr> result, boolean async) {
  public FuncSig {
    params = List.copyOf(params);
  }

  /** The signature in WIT syntax, {@code func(a: u32) -> string}. */
  public String toWit() {
    return (async ? "async " : "")
        + params.stream()
            .map(p -> p.name() + ": " + p.type().toWit())
            .collect(Collectors.joining(", ", "func(", ")"))
        + result.map(r -> " -> " + r.toWit()).orElse("");
  }

  /** A named parameter. */
  public record ParamDecl(String name, TypeExpr type, Pos pos) {}
}
