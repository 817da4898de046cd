package io.cloister.component.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One component instance's exported interface satisfies another's import ({@link Linker#defineInstance}). */
class ComposeFromJavaTest {
  private static final String HELLO = "calvinrp:test-async-funcs/hello@0.1.0";

  @Test
  void exportOfOneInstanceIsTheImportOfAnother() throws Exception {
    Component nested =
        Component.compile(
            Files.readAllBytes(
                Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components",
                    "simple-nested.component.wasm")));
    ComponentInstance first =
        new Linker<Void>()
            .defineFunction(HELLO, "hello-world", null, args -> List.of(new Value.Str("from the host")))
            .instantiate(nested);
    ComponentInstance second = new Linker<Void>().defineInstance(HELLO, first, HELLO).instantiate(nested);

    // host -> second (two nested instances) -> first (two nested instances) -> host, a string
    // lowered and lifted at every boundary
    assertThat(second.exportedFunction(HELLO + "#hello-world").call(List.of()))
        .containsExactly(new Value.Str("from the host"));
  }
}
