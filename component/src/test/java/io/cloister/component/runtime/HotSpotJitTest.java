package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotSpotJitTest {
  @Test
  void readsTheFlagThisJvmWasStartedWith() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    // the last occurrence of the option wins, as on HotSpot's command line
    boolean on = false;
    for (String argument : arguments) {
      if (argument.equals("-XX:-DontCompileHugeMethods")) {
        on = true;
      } else if (argument.equals("-XX:+DontCompileHugeMethods")) {
        on = false;
      }
    }
    assertThat(HotSpotJit.compilesHugeMethods()).isEqualTo(on);
  }
}
