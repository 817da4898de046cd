package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.abi.CallPlan;
import io.cloister.component.types.FuncType;

/** The core signatures the Canonical ABI gives {@code canon lift} and {@code canon lower}. */
final class CanonSignatures {
  private CanonSignatures() {}

  /** The core type of {@code canon lower} of a function of type {@code ft}. */
  static FunctionType lowered(FuncType ft) {
    return CallPlan.of(ft).lowerSignature().toFunctionType();
  }

  /** The core type the function wrapped by {@code canon lift} to {@code ft} must have. */
  static FunctionType lifted(FuncType ft) {
    return CallPlan.of(ft).liftSignature().toFunctionType();
  }

  /** The core type of the {@code post-return} of a lift to {@code ft}: the lifted results, no result. */
  static FunctionType postReturn(FuncType ft) {
    return FunctionType.of(lifted(ft).returns(), java.util.List.of());
  }
}
