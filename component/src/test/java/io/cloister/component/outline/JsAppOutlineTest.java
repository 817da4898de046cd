package io.cloister.component.outline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.Definition;
import io.cloister.component.binary.ValidatedComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The componentize-js app's main core module (SpiderMonkey): it has functions far too big for a
 * JVM method; after outlining with the default budget Chicory compiles every function, with no
 * interpreter fallback. Opt-in ({@code -Pjs-app}): the app is built by scripts/build-js-app.sh.
 */
@Tag("js-app")
class JsAppOutlineTest {
  private static final Path APP = Path.of("../fixtures/http/js-app/build/app.component.wasm");

  @Test
  void mainModuleCompilesWithoutInterpreterFallback() throws Exception {
    byte[] core =
        ValidatedComponent.of(Files.readAllBytes(APP)).ast().definitions().stream()
            .filter(d -> d instanceof Definition.CoreModule)
            .map(d -> ((Definition.CoreModule) d).bytes())
            .max(Comparator.comparingInt(b -> b.length))
            .orElseThrow();
    ModuleOutliner.Result r = new ModuleOutliner(ModuleOutliner.DEFAULT_BUDGET).outline(core, 0);
    long oversized =
        ModuleLayout.read(core).bodies.stream()
            .filter(b -> b[1] - b[0] > ModuleOutliner.DEFAULT_BUDGET)
            .count();
    assertThat(oversized).isGreaterThanOrEqualTo(7);
    assertThat(r.functionsSplit()).isEqualTo(oversized);

    WasmModule module = Parser.parse(r.module());
    MachineFactoryCompiler.builder(module)
        .withInterpreterFallback(InterpreterFallback.FAIL)
        .compile();
  }
}
