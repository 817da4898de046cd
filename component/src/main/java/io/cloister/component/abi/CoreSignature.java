package io.cloister.component.abi;

import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;

/** The core function signature the Canonical ABI gives a component function in one direction. */
public record CoreSignature(List<FlatType> params, List<FlatType> results) {
  public CoreSignature {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** The signature as a Chicory function type. */
  public FunctionType toFunctionType() {
    return FunctionType.of(
        params.stream().map(FlatType::core).toList(),
        results.stream().map(FlatType::core).toList());
  }
}
