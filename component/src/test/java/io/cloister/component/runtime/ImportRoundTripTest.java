package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.Linker;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guests calling host imports: smoke, nested components, host resources, link errors. */
class ImportRoundTripTest {

  @ParameterizedTest(name = "compiled={0}")
  @ValueSource(booleans = {true, false})
  void smokeCallsTheImportedThunk(boolean compile) throws Exception {
    Component smoke = AdderTest.load("smoke.component.wasm", compile);
    AtomicInteger hits = new AtomicInteger();
    Linker<Void> linker = TrapStubs.linkerFor(smoke);
    StringBuilder written = TrapStubs.defineStdio(linker);
    linker.defineFunction(
        "test:smoke/imports",
        "thunk",
        new FuncType(List.of(), Optional.empty()),
        args -> {
          hits.incrementAndGet();
          return List.of();
        });
    ComponentInstance instance = linker.instantiate(smoke);
    assertThat(instance.exportedFunction("thunk").call(List.of())).isEmpty();
    assertThat(hits).as("guest output: %s", written).hasValue(1);
  }

  @Test
  void missingImportsAreAllListed() throws Exception {
    Component smoke = AdderTest.load("smoke.component.wasm", true);
    assertThatThrownBy(() -> new Linker<Void>().instantiate(smoke))
        .isInstanceOf(ComponentLinkException.class)
        .satisfies(
            e -> {
              List<String> problems = ((ComponentLinkException) e).problems();
              long withFunctions =
                  smoke.type().imports().stream()
                      .filter(
                          i ->
                              ((io.cloister.component.types.InstanceType) i.type())
                                  .exports().stream().anyMatch(d -> d.type() instanceof FuncType))
                      .count();
              assertThat(problems).hasSize((int) withFunctions).hasSizeGreaterThan(5);
              assertThat(problems).anyMatch(p -> p.contains("test:smoke/imports"));
              assertThat(problems).anyMatch(p -> p.contains("wasi:filesystem/preopens@0.2.0"));
            });
  }

  @Test
  void hostFunctionOfTheWrongShapeIsRejected() throws Exception {
    Component smoke = AdderTest.load("smoke.component.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(smoke);
    linker.defineFunction(
        "test:smoke/imports",
        "thunk",
        new FuncType(List.of(new Param("x", PrimitiveType.U32)), Optional.empty()),
        args -> List.of());
    assertThatThrownBy(() -> linker.instantiate(smoke))
        .isInstanceOf(ComponentLinkException.class)
        .hasMessageContaining("test:smoke/imports#thunk");
  }

  @Test
  void compatibleVersionSatisfiesTheImport() throws Exception {
    Component nested = AdderTest.load("simple-nested.component.wasm", true);
    List<String> calls = new ArrayList<>();
    Linker<Void> linker = new Linker<Void>();
    // The component imports calvinrp:test-async-funcs/hello@0.1.0; 0.1.7 is compatible.
    linker.defineFunction(
        "calvinrp:test-async-funcs/hello@0.1.7",
        "hello-world",
        null,
        args -> {
          calls.add("host");
          return List.of(new Value.Str("hello from the host"));
        });
    ComponentInstance instance = linker.instantiate(nested);
    ComponentFunction hello =
        instance.exportedFunction("calvinrp:test-async-funcs/hello@0.1.0#hello-world");
    List<Value> result = hello.call(List.of());
    assertThat(calls).containsExactly("host");
    assertThat(result).containsExactly(new Value.Str("hello from the host"));

    Linker<Void> incompatible = new Linker<Void>();
    incompatible.defineFunction(
        "calvinrp:test-async-funcs/hello@0.2.0", "hello-world", null, args -> List.of());
    assertThatThrownBy(() -> incompatible.instantiate(nested))
        .isInstanceOf(ComponentLinkException.class)
        .hasMessageContaining("calvinrp:test-async-funcs/hello@0.1.0");
  }

  @ParameterizedTest(name = "compiled={0}")
  @ValueSource(booleans = {true, false})
  void hostResourceIsConstructedBorrowedAndDropped(boolean compile) throws Exception {
    Component c = AdderTest.load("resource-borrow-simple.component.wasm", compile);
    Linker<Void> linker = TrapStubs.linkerFor(c);
    List<Integer> dropped = new ArrayList<>();
    var r = linker.defineResource("r", dropped::add);
    AtomicInteger next = new AtomicInteger(100);
    List<Value.ResourceValue> tested = new ArrayList<>();
    linker.defineFunction(
        "[constructor]r", null, args -> List.of(new Value.ResourceValue(r, next.getAndIncrement(), true)));
    linker.defineFunction(
        "test",
        null,
        args -> {
          tested.add((Value.ResourceValue) args.get(0));
          return List.of();
        });
    ComponentInstance instance = linker.instantiate(c);
    instance.exportedFunction("test-imports").call(List.of());
    assertThat(tested).hasSize(1);
    assertThat(tested.get(0).rep()).isEqualTo(100);
    assertThat(tested.get(0).owned()).isFalse();
    assertThat(tested.get(0).type()).isSameAs(r);
    assertThat(dropped).containsExactly(100);
  }
}
