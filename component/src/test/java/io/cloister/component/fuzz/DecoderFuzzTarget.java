package io.cloister.component.fuzz;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.wit.WitPrinter;

/**
 * Decodes and validates each input and, when it is a valid component, prints its WIT: the only
 * acceptable failure is a {@link ComponentDecodeException}.
 */
final class DecoderFuzzTarget implements FuzzTarget {
  @Override
  public void accept(byte[] input) throws ComponentDecodeException {
    ValidatedComponent component = ValidatedComponent.of(input);
    String wit = WitPrinter.print(component.type());
    if (!wit.startsWith("package root:component;")) {
      throw new IllegalStateException("WIT printed without its package line");
    }
  }

  @Override
  public boolean isTypedRejection(Throwable failure) {
    return failure instanceof ComponentDecodeException;
  }
}
