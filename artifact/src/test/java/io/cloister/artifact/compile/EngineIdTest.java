package io.cloister.artifact.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The pinned engine version is the one the build resolved. */
class EngineIdTest {

  @Test
  void thePinnedChicoryVersionIsTheResolvedOne() throws Exception {
    Properties pom = new Properties();
    try (InputStream in =
        MachineFactoryCompiler.class.getResourceAsStream("/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
      assertThat(in).as("Chicory compiler's pom.properties").isNotNull();
      pom.load(in);
    }

    assertThat(EngineId.CHICORY_VERSION).isEqualTo(pom.getProperty("version"));
    assertThat(EngineId.CHICORY.text()).startsWith("chicory/" + pom.getProperty("version") + " ");
  }

  @Test
  void theEngineIdNamesTheCompilerOptions() {
    assertThat(EngineId.CHICORY.text())
        .isEqualTo("chicory/1.7.5 compiler=MachineFactoryCompiler outline-budget=5000 interpreter-fallback=fail-then-silent");
  }
}
