package io.cloister.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceTableTest {

  @Test
  void parentCannotBeDeletedWhileAChildLives() {
    ResourceTable t = new ResourceTable();
    int body = t.push("body");
    int stream = t.pushChild(42, body);
    assertThat(t.hasChildren(body)).isTrue();
    assertThatThrownBy(() -> t.delete(body, String.class))
        .isInstanceOf(WasiTrap.class)
        .hasMessageContaining("child");
    assertThat(t.delete(stream, Integer.class)).isEqualTo(42);
    assertThat(t.delete(body, String.class)).isEqualTo("body");
    assertThat(t.size()).isZero();
  }

  @Test
  void wrongTypeAndUnknownRepsTrap() {
    ResourceTable t = new ResourceTable();
    int rep = t.push("x");
    assertThatThrownBy(() -> t.get(rep, Integer.class)).isInstanceOf(WasiTrap.class);
    assertThatThrownBy(() -> t.get(rep + 100, String.class)).isInstanceOf(WasiTrap.class);
    t.delete(rep, String.class);
    assertThatThrownBy(() -> t.get(rep, String.class)).isInstanceOf(WasiTrap.class);
    assertThat(t.contains(rep)).isFalse();
  }
}
