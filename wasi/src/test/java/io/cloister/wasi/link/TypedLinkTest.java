package io.cloister.wasi.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.InstancePre;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Components that import real WASI interfaces with wrong signatures (fixtures/link, built by
 * scripts/build-link-fixtures.sh) are refused when linked, each with a message naming the import,
 * the function and both types; the control with the right signatures links.
 */
class TypedLinkTest {
  private static final Path BUILD = Path.of("..", "fixtures", "link", "build");

  private static Component component(String name) throws Exception {
    return Component.compile(
        Files.readAllBytes(BUILD.resolve(name + ".component.wasm")), EngineOptions.interpreted());
  }

  private static String refusal(String name) throws Exception {
    Component c = component(name);
    Linker<Void> linker = new Linker<>();
    WasiHost.builder("link-app").build().newContext().register(linker);
    ComponentLinkException e =
        (ComponentLinkException)
            catchThrowable(() -> linker.prepare(c));
    assertThat(e).as(name + " must be refused").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void aWrongParameterTypeIsRefusedWithBothTypes() throws Exception {
    assertThat(refusal("wrong-param"))
        .isEqualTo(
            "function wasi:clocks/monotonic-clock@0.2.0#subscribe-duration is imported as"
                + " func(when: u32) -> own<pollable> but the host defines"
                + " func(when: u64) -> own<pollable>");
  }

  @Test
  void aWrongResultTypeIsRefusedWithBothTypes() throws Exception {
    assertThat(refusal("wrong-result"))
        .isEqualTo(
            "function wasi:clocks/wall-clock@0.2.0#now is imported as func() -> u64 but the host"
                + " defines func() -> record { seconds: u64, nanoseconds: u32 }");
  }

  @Test
  void aFunctionTheHostLacksIsRefusedByName() throws Exception {
    assertThat(refusal("missing-function"))
        .isEqualTo("missing function wasi:random/random@0.2.0#get-random-bits: func() -> u64");
  }

  @Test
  void aWrongResourceTypeIsRefusedWithBothTypes() throws Exception {
    assertThat(refusal("wrong-resource"))
        .isEqualTo(
            "function wasi:io/streams@0.2.0#[method]output-stream.subscribe is imported as"
                + " func(self: borrow<output-stream>) -> own<input-stream> but the host defines"
                + " func(self: borrow<output-stream>) -> own<pollable>");
  }

  @Test
  void aWrongResourceInsideABorrowIsRefused() throws Exception {
    assertThat(refusal("wrong-resource-borrow"))
        .startsWith(
            "function wasi:io/streams@0.2.0#[method]output-stream.splice is imported as"
                + " func(self: borrow<output-stream>, src: borrow<output-stream>, len: u64)")
        .contains(
            "but the host defines func(self: borrow<output-stream>, src: borrow<input-stream>,"
                + " len: u64)");
  }

  @Test
  void aWrongHttpImportIsRefusedWithBothTypes() throws Exception {
    assertThat(refusal("wrong-http"))
        .isEqualTo(
            "function wasi:http/types@0.2.0#[method]fields.get is imported as"
                + " func(self: borrow<fields>, name: string) -> list<string> but the host defines"
                + " func(self: borrow<fields>, name: string) -> list<list<u8>>");
  }

  @Test
  void theControlWithWasiSignaturesLinks() throws Exception {
    Component c = component("ok-control");
    Linker<Void> linker = new Linker<>();
    WasiHost.builder("link-app").build().newContext().register(linker);
    assertThat(linker.unsatisfied(c)).isEmpty();
    assertThat(linker.prepare(c).instantiate(null).functions()).isNotEmpty();
  }

  @Test
  void anAppLinksOnceAndEachInstanceGetsItsOwnState() throws Exception {
    WasiApp app = WasiApp.of(WasiHost.builder("link-app").build());
    assertThatThrownBy(() -> app.prepare(component("wrong-result")))
        .isInstanceOf(ComponentLinkException.class)
        .hasMessageContaining("wasi:clocks/wall-clock@0.2.0#now is imported as func() -> u64");
    InstancePre<WasiContext> linked = app.prepare(component("ok-control"));
    WasiContext first = app.newContext();
    WasiContext second = app.newContext();
    linked.instantiate(first);
    linked.instantiate(second);
    assertThat(first.table()).isNotSameAs(second.table());
  }

  @Test
  void untypedDefinitionsWouldHaveLinkedTheWrongComponent() throws Exception {
    // The same wrong import against a function defined without a type: only the typed host refuses.
    Component c = component("wrong-result");
    Linker<Void> linker = new Linker<>();
    linker.defineFunction("wasi:clocks/wall-clock@0.2.0", "now", null, args -> java.util.List.of());
    assertThat(linker.unsatisfied(c)).isEmpty();
    assertThatCode(() -> linker.prepare(c).instantiate(null)).doesNotThrowAnyException();
  }
}
