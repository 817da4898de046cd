package io.cloister.engine.graalwasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Guest traps, host exceptions and bad modules surface as typed exceptions with their context. */
class TrapTest {
  static final GraalWasmEngine ENGINE = GraalWasmEngine.shared();

  static final class HostFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostFailure() {
      super("the host says no");
    }
  }

  @Test
  void trapsNameTheModuleAndTheExport() {
    CoreModule m =
        ENGINE.compile(
            "traps",
            Wat.wasm(
                """
                (module
                  (memory 1)
                  (func (export "unreachable") unreachable)
                  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
                  (func (export "oob") (result i32) (i32.load (i32.const 70000)))
                  (func $deep (export "deep") (param i32) (result i32)
                    (i32.add (i32.const 1) (call $deep (local.get 0)))))
                """));
    try (CoreStore store = ENGINE.newStore()) {
      CoreInstance i = store.instantiate(m, Imports.none());
      assertThatThrownBy(() -> i.function("unreachable").call())
          .isInstanceOfSatisfying(WasmTrapException.class, e -> {
            assertThat(e.module()).isEqualTo("traps");
            assertThat(e.function()).isEqualTo("unreachable");
          })
          .hasMessage("traps: unreachable: unreachable");
      assertThatThrownBy(() -> i.function("div").call(0))
          .isInstanceOf(WasmTrapException.class)
          .hasMessageContaining("integer divide by zero");
      assertThat(i.function("div").call1(1)).isEqualTo(1); // still usable after a trap
      assertThatThrownBy(() -> i.function("oob").call())
          .isInstanceOf(WasmTrapException.class)
          .hasMessageContaining("out-of-bounds");
      assertThatThrownBy(() -> i.function("deep").call(0))
          .isInstanceOf(WasmTrapException.class)
          .hasMessageContaining("call stack exhausted");
      assertThatThrownBy(() -> i.function("div").call()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aHostFunctionsExceptionReachesTheCallerUnchanged() {
    CoreModule m =
        ENGINE.compile(
            "calls-host",
            Wat.wasm(
                """
                (module
                  (import "env" "fail" (func $fail))
                  (func (export "run") (call $fail)))
                """));
    HostFailure failure = new HostFailure();
    try (CoreStore store = ENGINE.newStore()) {
      CoreInstance i =
          store.instantiate(
              m,
              Imports.builder()
                  .function("env", "fail", FuncType.of(List.of(), List.of()), a -> {
                    throw failure;
                  })
                  .build());
      assertThatThrownBy(() -> i.function("run").call()).isSameAs(failure);
    }
  }

  @Test
  void aTrapInTheStartFunctionRefusesTheInstance() {
    CoreModule m = ENGINE.compile("starts", Wat.wasm("(module (start $s) (func $s unreachable))"));
    try (CoreStore store = ENGINE.newStore()) {
      assertThatThrownBy(() -> store.instantiate(m, Imports.none()))
          .isInstanceOf(WasmLinkException.class)
          .hasMessageContaining("starts: ")
          .hasMessageContaining("unreachable");
    }
  }

  @Test
  void badModulesAreRefusedAtCompileTime() {
    assertThatThrownBy(() -> ENGINE.compile("truncated", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1}))
        .isInstanceOf(WasmCompileException.class)
        .hasMessageStartingWith("truncated: ");
    assertThatThrownBy(() -> ENGINE.compile("component", new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0}))
        .isInstanceOf(WasmCompileException.class)
        .hasMessageContaining("not a core module");
    assertThatThrownBy(() -> ENGINE.compile("text", "(module)".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(WasmCompileException.class)
        .hasMessageContaining("no \\0asm magic");
    // well-formed sections, invalid code (i64 where i32 is expected): GraalWasm's validation
    byte[] invalid = Wat.wasm("(module (func (export \"f\") (result i32) (i32.const 1)))");
    int at = indexOf(invalid, new byte[] {0x41, 0x01, 0x0b}); // i32.const 1, end
    invalid[at] = 0x42; // i64.const
    assertThatThrownBy(() -> ENGINE.compile("invalid", invalid))
        .isInstanceOf(WasmCompileException.class)
        .hasMessageStartingWith("invalid: ");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
