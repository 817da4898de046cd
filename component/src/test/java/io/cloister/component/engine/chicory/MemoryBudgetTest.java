package io.cloister.component.engine.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.cloister.component.engine.MemoryCapExceededException;
import org.junit.jupiter.api.Test;

/** One component instance's memory budget, shared by its core memories. */
class MemoryBudgetTest {
  private static final int PAGE = Memory.PAGE_SIZE;

  @Test
  void theBudgetIsSharedByAnInstancesMemories() {
    MemoryBudget budget = new MemoryBudget(10L * PAGE);
    Memory a = budget.newMemory(new MemoryLimits(2), "a");
    Memory b = budget.newMemory(new MemoryLimits(2, 3), "b");

    assertThat(a.maximumPages()).as("lowered to the cap").isEqualTo(10);
    assertThat(b.maximumPages()).isEqualTo(3);
    assertThat(b.grow(2)).as("over b's declared maximum").isEqualTo(-1);
    assertThat(a.grow(6)).as("the refused growth took nothing").isEqualTo(2);
    assertThat(b.grow(1)).as("the budget is spent").isEqualTo(-1);
    assertThat(a.pages() + b.pages()).isEqualTo(10);
    assertThatThrownBy(() -> budget.newMemory(new MemoryLimits(1), "c"))
        .isInstanceOf(MemoryCapExceededException.class)
        .hasMessageStartingWith("c declares an initial memory of " + PAGE + " bytes")
        .hasMessageContaining("(" + 10 * PAGE + " bytes already taken by other memories)");
  }
}
