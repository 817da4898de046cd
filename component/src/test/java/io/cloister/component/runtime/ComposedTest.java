package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A composed component (wasi-virt's env-allow: a virtualizing component wired to the app, letting
 * only {@code CUSTOM} through) importing WASI 0.2.1 (several components wired by wac/wasm-tools compose) importing WASI 0.2.1,
 * linked against host definitions written for 0.2.0.
 */
class ComposedTest {

  @Test
  void composedComponentSeesOnlyTheAllowedEnvironment() throws Exception {
    Component c = AdderTest.load("env-allow.composed.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(c, "0.2.0");
    StringBuilder out = TrapStubs.defineStdio(linker);
    Value.TupleValue pair = new Value.TupleValue(List.of(new Value.Str("CUSTOM"), new Value.Str("VAL")));
    Value.TupleValue other = new Value.TupleValue(List.of(new Value.Str("SECRET"), new Value.Str("x")));
    linker.defineFunction(
        "wasi:cli/environment@0.2.0",
        "get-environment",
        null,
        args -> List.of(new Value.ListValue(List.of(pair, other))));
    ComponentInstance instance = linker.instantiate(c);
    List<Value> env;
    try {
      env = instance.exportedFunction("test-get-env").call(List.of());
    } catch (ComponentTrapException e) {
      throw new AssertionError("guest output: " + out, e);
    }
    assertThat(env).containsExactly(new Value.ListValue(List.of(pair)));
  }

  @Test
  void stringsCrossUtf8AndUtf16Components() throws Exception {
    Component c = AdderTest.load("utf8-utf16.composed.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(c);
    StringBuilder out = TrapStubs.defineStdio(linker);
    String text = "asdf中文🀄️⏰";
    linker.defineFunction(
        "wasi:cli/environment@0.2.0",
        "get-arguments",
        null,
        args -> List.of(new Value.ListValue(List.of(new Value.Str("utf8-utf16"), new Value.Str(text)))));
    linker.defineFunction(
        "wasi:cli/environment@0.2.0", "get-environment", null, args -> List.of(new Value.ListValue(List.of())));
    ComponentInstance instance = linker.instantiate(c);
    List<Value> result;
    try {
      result = instance.exportedFunction("wasi:cli/run@0.2.0#run").call(List.of());
    } catch (ComponentTrapException e) {
      throw new AssertionError("guest output: " + out, e);
    }
    assertThat(result).containsExactly(new Value.ResultValue(true, java.util.Optional.empty()));
    assertThat(out.toString()).isEqualTo("ret: " + text + text + "\n");
  }

  @Test
  void streamsPassThroughAVirtualizingComponent() throws Exception {
    Component c = AdderTest.load("stdio.composed.wasm", true);
    Linker<Void> linker = TrapStubs.linkerFor(c, "0.2.0");
    StringBuilder out = TrapStubs.defineStdio(linker);
    ComponentInstance instance = linker.instantiate(c);
    try {
      instance.exportedFunction("test-stdio").call(List.of());
    } catch (ComponentTrapException e) {
      throw new AssertionError("guest output: " + out, e);
    }
    // The app's stdout handle crossed the virtualizing component and came back to the host.
    assertThat(out.toString()).isEqualTo("Hello world\n");
  }
}
