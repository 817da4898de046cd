package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.cloister.component.engine.LinearMemory;
import io.cloister.component.engine.MemoryCapExceededException;
import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-instance memory cap ({@link EngineOptions#maxMemoryBytes()}), on the memory-grow fixture
 * (fixtures/runtime/memory-grow: 4 initial pages, no declared maximum; built by {@code
 * scripts/build-bench-fixtures.sh runtime}) and on the budget shared by several memories.
 */
class MemoryCapTest {
  private static final Path FIXTURE =
      Path.of("..", "fixtures", "runtime", "build", "memory-grow.component.wasm");
  private static final int PAGE = LinearMemory.PAGE_SIZE;

  private static ComponentInstance instantiate(EngineOptions options) throws Exception {
    return new Linker<Void>().instantiate(Component.compile(Files.readAllBytes(FIXTURE), options));
  }

  private static int call(ComponentInstance instance, String function, Value... args) {
    Value result = instance.exportedFunction(function).call(List.of(args)).get(0);
    return switch (result) {
      case Value.S32 s -> s.value();
      case Value.U32 u -> u.value();
      case Value.U8 b -> b.value();
      default -> throw new AssertionError("unexpected result " + result);
    };
  }

  @ParameterizedTest(name = "compiled={0}")
  @ValueSource(booleans = {true, false})
  void growPastTheCapReturnsMinusOne(boolean compile) throws Exception {
    EngineOptions engine = compile ? EngineOptions.compiled() : EngineOptions.interpreted();
    // 6 pages and a half: only whole pages count
    ComponentInstance instance = instantiate(engine.withMaxMemory(6L * PAGE + PAGE / 2));

    assertThat(call(instance, "size")).isEqualTo(4);
    assertThat(call(instance, "grow", new Value.U32(2))).isEqualTo(4);
    assertThat(call(instance, "poke", new Value.U32(6 * PAGE - 1), new Value.U8(7))).isEqualTo(7);
    assertThat(call(instance, "grow", new Value.U32(1))).isEqualTo(-1);
    assertThat(call(instance, "grow", new Value.U32(-1))).isEqualTo(-1);
    assertThat(call(instance, "grow", new Value.U32(0))).isEqualTo(6);
    assertThat(call(instance, "size")).isEqualTo(6);
    assertThatThrownBy(() -> call(instance, "poke", new Value.U32(6 * PAGE), new Value.U8(1)))
        .isInstanceOf(ComponentTrapException.class)
        .hasMessageContaining("out of bounds");
  }

  @Test
  void withoutACapMemoryGrowsToWhatItDeclares() throws Exception {
    ComponentInstance instance = instantiate(EngineOptions.compiled());
    assertThat(call(instance, "grow", new Value.U32(60))).isEqualTo(4);
    assertThat(call(instance, "size")).isEqualTo(64);
  }

  @Test
  void everyInstanceHasItsOwnBudget() throws Exception {
    Component component =
        Component.compile(
            Files.readAllBytes(FIXTURE), EngineOptions.compiled().withMaxMemory(5L * PAGE));
    ComponentInstance first = new Linker<Void>().instantiate(component);
    ComponentInstance second = new Linker<Void>().instantiate(component);
    assertThat(call(first, "grow", new Value.U32(1))).isEqualTo(4);
    assertThat(call(first, "grow", new Value.U32(1))).isEqualTo(-1);
    assertThat(call(second, "grow", new Value.U32(1))).isEqualTo(4);
  }

  @Test
  void initialMemoryOverTheCapFailsInstantiation() throws Exception {
    assertThatThrownBy(() -> instantiate(EngineOptions.compiled().withMaxMemory(3L * PAGE)))
        .isInstanceOfSatisfying(
            MemoryCapExceededException.class, e -> assertThat(e.capBytes()).isEqualTo(3L * PAGE))
        .hasMessageContaining("initial memory of " + 4 * PAGE + " bytes")
        .hasMessageContaining("memory cap of " + 3 * PAGE + " bytes");
  }
}
