package io.cloister.wasi.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredFlushesTest {
  private final List<String> ran = new ArrayList<>();

  @Test
  void withoutAScopeAFlushRunsAtOnce() {
    DeferredFlushes.defer(() -> ran.add("now"));
    assertThat(ran).containsExactly("now");
  }

  @Test
  void aScopeRunsItsFlushesWhenTheThreadWaitsOrTheScopeCloses() {
    try (DeferredFlushes.Scope scope = DeferredFlushes.open()) {
      DeferredFlushes.defer(() -> ran.add("before wait"));
      assertThat(ran).isEmpty();
      DeferredFlushes.runPending();
      assertThat(ran).containsExactly("before wait");
      DeferredFlushes.defer(() -> ran.add("at close"));
    }
    assertThat(ran).containsExactly("before wait", "at close");
    DeferredFlushes.defer(() -> ran.add("after"));
    assertThat(ran).endsWith("after"); // the scope is gone: at once again
  }

  @Test
  void anInnerScopeLeavesItsFlushesToTheOuterOne() {
    try (DeferredFlushes.Scope outer = DeferredFlushes.open()) {
      try (DeferredFlushes.Scope inner = DeferredFlushes.open()) {
        DeferredFlushes.defer(() -> ran.add("inner"));
      }
      assertThat(ran).as("the guest's call ended, the server's scope is still open").isEmpty();
    }
    assertThat(ran).containsExactly("inner");
  }
}
