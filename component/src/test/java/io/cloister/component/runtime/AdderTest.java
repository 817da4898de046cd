package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.abi.ValueMismatchException;
import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The smallest export, compiled and interpreted. */
class AdderTest {
  static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  static Component load(String file, boolean compile) throws Exception {
    return Component.compile(
        Files.readAllBytes(FIXTURES.resolve(file)),
        compile ? EngineOptions.compiled() : EngineOptions.interpreted());
  }

  @ParameterizedTest(name = "compiled={0}")
  @ValueSource(booleans = {true, false})
  void addsOnBothEngines(boolean compile) throws Exception {
    Component adder = load("adder.component.wasm", compile);
    ComponentInstance instance = new Linker<Void>().instantiate(adder);

    ComponentFunction add = instance.exportedFunction("docs:adder/add@0.1.0", "add");
    assertThat(add.call(List.of(new Value.U32(40), new Value.U32(2)))).containsExactly(new Value.U32(42));
    assertThat(add.call(List.of(new Value.U32(-1), new Value.U32(2)))).containsExactly(new Value.U32(1));
    assertThat(instance.exportedFunction("docs:adder/add@0.1.0#add")).isSameAs(add);
    assertThat(instance.functions())
        .extracting(ExportedFunction::name)
        .containsExactly("docs:adder/add@0.1.0#add");

    // a second instance of the same compiled component is independent and works too
    ComponentInstance second = new Linker<Void>().instantiate(adder);
    assertThat(second.exportedFunction("docs:adder/add@0.1.0#add").call(List.of(new Value.U32(7), new Value.U32(8))))
        .containsExactly(new Value.U32(15));
  }

  @ParameterizedTest(name = "compiled={0}")
  @ValueSource(booleans = {true})
  void rejectsWrongArgumentsAndUnknownNames(boolean compile) throws Exception {
    ComponentInstance instance = new Linker<Void>().instantiate(load("adder.component.wasm", compile));
    ComponentFunction add = instance.exportedFunction("docs:adder/add@0.1.0#add");
    assertThatThrownBy(() -> add.call(List.of(new Value.U32(1)))).isInstanceOf(ValueMismatchException.class);
    assertThatThrownBy(() -> add.call(List.of(new Value.Str("x"), new Value.U32(1))))
        .isInstanceOf(ValueMismatchException.class);
    assertThatThrownBy(() -> instance.exportedFunction("sub"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("docs:adder/add@0.1.0#add");
  }
}
