package io.cloister.engine.graalwasm;

import java.util.List;

/** A core function type: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) {

  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** A function type from its parameter types and results. */
  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }

  /** Whether every parameter and result is a number (what host functions and calls support). */
  public boolean numbersOnly() {
    return params.stream().allMatch(ValType::isNumber)
        && results.stream().allMatch(ValType::isNumber);
  }

  @Override
  public String toString() {
    return params + " -> " + results;
  }
}
