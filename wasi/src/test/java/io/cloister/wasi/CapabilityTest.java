package io.cloister.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CapabilityTest {

  @Test
  void capabilitiesAreNamedByTheirInterfaces() {
    assertThat(Capability.names(Capability.DEFAULTS))
        .containsExactly(
            "wasi:cli/environment",
            "wasi:clocks/wall-clock",
            "wasi:http/incoming-handler",
            "wasi:keyvalue/store",
            "wasi:logging/logging",
            "wasi:random/random");
    assertThat(Capability.parse("wasi:logging/logging")).isEqualTo(Capability.LOGGING);
    assertThatThrownBy(() -> Capability.parse("wasi:filesystem/types"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown capability 'wasi:filesystem/types'")
        .hasMessageContaining("wasi:random/random");
  }
}
