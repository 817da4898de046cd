package io.cloister.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.ComponentTrapException;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.values.Value;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import io.cloister.wasi.logging.RecentAppLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real WASI 0.2 components from jco's fixtures (built by wasi-virt from wit-bindgen test guests),
 * run against this host: what jco's own tests check of them, checked here.
 */
class WasiFixtureComponentsTest {

  static Component component(String name) throws Exception {
    Path dir = Path.of(System.getProperty("cloister.shared.dir"), "fixtures", "components");
    return Component.compile(Files.readAllBytes(dir.resolve(name)), EngineOptions.interpreted());
  }

  static ComponentInstance instantiate(Component c, WasiHost host) throws Exception {
    Linker<Void> linker = new Linker<Void>();
    host.newContext().register(linker);
    return linker.instantiate(c);
  }

  @Test
  void envAllowSeesOnlyTheAllowedConfiguredVariable() throws Exception {
    // The component virtualizes its environment with an allow-list containing CUSTOM.
    WasiHost host =
        WasiHost.builder("env-app").variable("CUSTOM", "VAL").variable("SECRET", "no").build();
    ComponentInstance i = instantiate(component("env-allow.composed.wasm"), host);
    assertThat(i.exportedFunction("test-get-env").call(List.of()))
        .containsExactly(
            new Value.ListValue(
                List.of(
                    new Value.TupleValue(List.of(new Value.Str("CUSTOM"), new Value.Str("VAL"))))));
  }

  @Test
  void aGuestPanicTrapsAndItsMessageReachesTheLogOnStderr() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    WasiHost host = WasiHost.builder("env-app").log(log).build();
    ComponentInstance i = instantiate(component("env-allow.composed.wasm"), host);
    // The guest's test-file-read is unimplemented!(): a Rust panic, printed to stderr, then a trap.
    assertThatThrownBy(
            () -> i.exportedFunction("test-file-read").call(List.of(new Value.Str("/etc/passwd"))))
        .isInstanceOf(ComponentTrapException.class);
    assertThat(log.records())
        .anySatisfy(
            r -> {
              assertThat(r.context()).isEqualTo("stderr");
              assertThat(r.level()).isEqualTo(LogLevel.ERROR);
              assertThat(r.message()).contains("panicked at");
            });
  }

  @Test
  void stdioLinesGoToTheAppLog() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    WasiHost host = WasiHost.builder("stdio-app").log(log).build();
    ComponentInstance i = instantiate(component("stdio.composed.wasm"), host);
    i.exportedFunction("test-stdio").call(List.of());
    assertThat(log.records())
        .extracting(LogRecord::level, LogRecord::context, LogRecord::message)
        .containsExactly(tuple(LogLevel.INFO, "stdout", "Hello world"));
  }
}
