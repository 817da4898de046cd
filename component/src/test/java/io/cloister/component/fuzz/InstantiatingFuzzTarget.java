package io.cloister.component.fuzz;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.HostFunction;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentTrapException;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.wit.WitPrinter;

/**
 * Decodes, validates and prepares each input (core modules parsed by Chicory, interpreted), prints
 * its WIT, and instantiates it with every imported function stubbed by a host function that traps.
 * Typed rejections: {@link ComponentDecodeException}, {@link ComponentLinkException} and {@link
 * ComponentTrapException}.
 */
final class InstantiatingFuzzTarget implements FuzzTarget {
  @Override
  public void accept(byte[] input) throws ComponentDecodeException, ComponentLinkException {
    Component component = Component.compile(input, EngineOptions.interpreted());
    String wit = WitPrinter.printWithInterfaces(component.type());
    if (!wit.startsWith("package root:component;")) {
      throw new IllegalStateException("WIT printed without its package line");
    }
    stubbedLinker(component).instantiate(component);
  }

  /** A linker that defines every function the component imports as a trapping stub. */
  static Linker<Void> stubbedLinker(Component component) {
    Linker<Void> linker = new Linker<Void>();
    for (ExternDecl imp : component.type().imports()) {
      switch (imp.type()) {
        case InstanceType it -> {
          for (ExternDecl e : it.exports()) {
            if (e.type() instanceof FuncType) {
              linker.defineFunction(imp.name(), e.name(), null, stub(imp.name() + "#" + e.name()));
            }
          }
          // An interface imported only for its types (wasi:clocks/wall-clock for datetime) still
          // has to be provided; a real host defines its functions, which the component ignores.
          if (it.exports().stream().noneMatch(e -> e.type() instanceof FuncType)) {
            linker.defineFunction(imp.name(), "unused-by-this-component", null, stub(imp.name()));
          }
        }
        case FuncType f -> linker.defineFunction(imp.name(), null, stub(imp.name()));
        default -> {
          // Types need no definition; the linker passes imported resources through.
        }
      }
    }
    return linker;
  }

  private static HostFunction stub(String name) {
    return args -> {
      throw new ComponentTrapException(name, "stub host function called by a fuzz input", null);
    };
  }

  @Override
  public boolean isTypedRejection(Throwable failure) {
    return failure instanceof ComponentDecodeException
        || failure instanceof ComponentLinkException
        || failure instanceof ComponentTrapException;
  }
}
