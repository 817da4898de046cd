package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.link.Linker;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Traps become typed exceptions naming the function; reentrance is refused; a trapped instance stays dead. */
class TrapTest {

  @Test
  void failingHostFunctionTrapsTheCallAndPoisonsTheInstance() throws Exception {
    Component smoke = AdderTest.load("smoke.component.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(smoke);
    TrapStubs.defineStdio(linker);
    linker.defineFunction("test:smoke/imports", "thunk", null, args -> {
      throw new IllegalStateException("host refuses");
    });
    ComponentInstance instance = linker.instantiate(smoke);
    ComponentFunction thunk = instance.exportedFunction("thunk");

    assertThatThrownBy(() -> thunk.call(List.of()))
        .isInstanceOf(ComponentTrapException.class)
        .hasMessageContaining("test:smoke/imports#thunk")
        .hasMessageContaining("host refuses")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> thunk.call(List.of()))
        .isInstanceOf(ComponentTrapException.class)
        .hasMessageContaining("trapped earlier");
  }

  @Test
  void guestTrapNamesTheFunction() throws Exception {
    Component numbers = AdderTest.load("numbers.component.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(numbers);
    StringBuilder stderr = TrapStubs.defineStdio(linker);
    InstanceType test =
        (InstanceType) numbers.type().importNamed("test:numbers/test").orElseThrow().type();
    for (ExternDecl d : test.exports()) {
      FuncType f = (FuncType) d.type();
      // Every import answers zero: the guest's test-imports assertion fails and it aborts.
      linker.defineFunction("test:numbers/test", d.name(), null,
          args -> f.result().map(r -> List.of(zero((PrimitiveType) r))).orElse(List.of()));
    }
    ComponentInstance instance = linker.instantiate(numbers);
    assertThatThrownBy(() -> instance.exportedFunction("test-imports").call(List.of()))
        .isInstanceOf(ComponentTrapException.class)
        .hasMessageContaining("trap in test-imports")
        .hasCauseInstanceOf(com.dylibso.chicory.wasm.ChicoryException.class);
    assertThat(stderr.toString()).contains("Assertion failed").contains("roundtrip_u8");
  }

  private static Value zero(PrimitiveType t) {
    return switch (t) {
      case U8 -> new Value.U8(0);
      case S8 -> new Value.S8((byte) 0);
      case U16 -> new Value.U16(0);
      case S16 -> new Value.S16((short) 0);
      case U32 -> new Value.U32(0);
      case S32 -> new Value.S32(0);
      case U64 -> new Value.U64(0);
      case S64 -> new Value.S64(0);
      case F32 -> new Value.F32(0);
      case F64 -> new Value.F64(0);
      case CHAR -> new Value.Char('0');
      case BOOL -> new Value.Bool(false);
      case STRING -> new Value.Str("");
    };
  }

  @Test
  void reentranceIsRefused() throws Exception {
    Component smoke = AdderTest.load("smoke.component.wasm", false);
    Linker<Void> linker = TrapStubs.linkerFor(smoke);
    TrapStubs.defineStdio(linker);
    AtomicReference<ComponentInstance> self = new AtomicReference<>();
    AtomicReference<Throwable> inner = new AtomicReference<>();
    linker.defineFunction("test:smoke/imports", "thunk", null, args -> {
      try {
        self.get().exportedFunction("thunk").call(List.of());
      } catch (ComponentTrapException e) {
        inner.set(e);
      }
      return List.of();
    });
    ComponentInstance instance = linker.instantiate(smoke);
    self.set(instance);
    instance.exportedFunction("thunk").call(List.of());
    assertThat(inner.get()).isInstanceOf(ComponentTrapException.class).hasMessageContaining("reentrance");
  }

  @Test
  void hostResultOfTheWrongTypeTraps() throws Exception {
    Component c = AdderTest.load("resource-borrow-simple.component.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(c);
    linker.defineResource("r", rep -> {});
    linker.defineFunction("[constructor]r", null, args -> List.of(new Value.U32(7)));
    ComponentInstance instance = linker.instantiate(c);
    assertThatThrownBy(() -> instance.exportedFunction("test-imports").call(List.of()))
        .isInstanceOf(ComponentTrapException.class)
        .hasMessageContaining("[constructor]r")
        .hasMessageContaining("does not fit");
  }
}
