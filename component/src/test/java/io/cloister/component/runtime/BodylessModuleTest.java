package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.Definition;
import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled core modules drop their parsed instructions (after outlining, so the function counts
 * differ from the interpreted ones); interpreted ones keep them.
 */
class BodylessModuleTest {

  private static List<WasmModule> coreModules(Component component) {
    return component.validated().ast().definitions().stream()
        .filter(d -> d instanceof Definition.CoreModule)
        .map(d -> component.module((Definition.CoreModule) d).module())
        .toList();
  }

  private static long instructions(WasmModule module) {
    return Arrays.stream(module.codeSection().functionBodies())
        .mapToLong(body -> body.instructions().size())
        .sum();
  }

  @Test
  void aCompiledComponentKeepsNoInstructionsAndStillRuns() throws Exception {
    Component interpreted = AdderTest.load("adder.component.wasm", false);
    Component compiled = AdderTest.load("adder.component.wasm", true);
    List<WasmModule> full = coreModules(interpreted);
    List<WasmModule> bodyless = coreModules(compiled);

    assertThat(full).isNotEmpty().allSatisfy(m -> assertThat(instructions(m)).isPositive());
    assertThat(bodyless).hasSameSizeAs(full).allSatisfy(m -> assertThat(instructions(m)).isZero());
    for (WasmModule m : bodyless) {
      // one (empty) body per defined function: Chicory's instance builder reads them by index
      assertThat(m.codeSection().functionBodyCount()).isEqualTo(m.functionSection().functionCount());
    }

    ComponentInstance instance = new Linker<Void>().instantiate(compiled);
    assertThat(
            instance
                .exportedFunction("docs:adder/add@0.1.0#add")
                .call(List.of(new Value.U32(40), new Value.U32(2))))
        .containsExactly(new Value.U32(42));
  }
}
