package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.types.FuncType;
import java.util.List;
import java.util.function.Function;

/** Checks canonical definitions against the core signatures the Canonical ABI gives them. */
final class CanonSignatures {
  private CanonSignatures() {}

  /** The core type of {@code canon lower} of a function of type {@code ft}. */
  static FunctionType lowered(FuncType ft) {
    return null; // filled in from the abi package's flattening
  }

  /** Checks that {@code core} is the core type {@code canon lift} of {@code ft} needs. */
  static void checkLift(
      FuncType ft,
      FunctionType core,
      List<CanonOption> options,
      Function<String, ComponentDecodeException> error)
      throws ComponentDecodeException {}
}
