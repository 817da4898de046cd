package io.cloister.component.engine.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.binary.Definition;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled core modules drop their parsed instructions (after outlining, so the function counts
 * differ from the interpreted ones); interpreted ones keep them.
 */
class BodylessModuleTest {

  private static final Path ADDER =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components")
          .resolve("adder.component.wasm");

  /** The core modules of {@code validated}, as {@code engine} compiles them. */
  private static List<WasmModule> coreModules(ValidatedComponent validated, ChicoryEngine engine)
      throws Exception {
    List<Definition.CoreModule> defs =
        validated.ast().definitions().stream()
            .filter(d -> d instanceof Definition.CoreModule)
            .map(d -> (Definition.CoreModule) d)
            .toList();
    List<WasmModule> out = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      Definition.CoreModule d = defs.get(i);
      CoreModuleInfo info = validated.coreModules().get(i);
      out.add(((ChicoryModule) engine.compile(d.bytes(), info, d.start(), Long.MAX_VALUE)).module());
    }
    return out;
  }

  private static long instructions(WasmModule module) {
    return Arrays.stream(module.codeSection().functionBodies())
        .mapToLong(body -> body.instructions().size())
        .sum();
  }

  @Test
  void aCompiledComponentKeepsNoInstructionsAndStillRuns() throws Exception {
    byte[] bytes = Files.readAllBytes(ADDER);
    ValidatedComponent validated = ValidatedComponent.of(bytes);
    List<WasmModule> full = coreModules(validated, ChicoryEngine.interpreted());
    List<WasmModule> bodyless = coreModules(validated, ChicoryEngine.compiled());

    assertThat(full).isNotEmpty().allSatisfy(m -> assertThat(instructions(m)).isPositive());
    assertThat(bodyless).hasSameSizeAs(full).allSatisfy(m -> assertThat(instructions(m)).isZero());
    for (WasmModule m : bodyless) {
      // one (empty) body per defined function: Chicory's instance builder reads them by index
      assertThat(m.codeSection().functionBodyCount()).isEqualTo(m.functionSection().functionCount());
    }

    ComponentInstance instance = new Linker<Void>().instantiate(Component.compile(bytes));
    assertThat(
            instance
                .exportedFunction("docs:adder/add@0.1.0#add")
                .call(List.of(new Value.U32(40), new Value.U32(2))))
        .containsExactly(new Value.U32(42));
  }
}
