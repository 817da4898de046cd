package io.cloister.artifact.compile;

import io.cloister.component.outline.ModuleOutliner;
import java.util.Objects;

/**
 * Which engine, at which version, with which compiler options made or would make a component's
 * code: what a {@code .cwasm} records and what compiled code is cached under. Any change to it
 * means different generated classes, so it names everything that shapes them.
 *
 * @param engine the engine's name ({@code chicory})
 * @param version its version, pinned here and checked against the resolved dependency by a test
 * @param options the compiler options, as {@code key=value} words in a fixed order
 */
public record EngineId(String engine, String version, String options) {
  /** The Chicory release the build resolves (EngineIdTest checks it against the jar). */
  public static final String CHICORY_VERSION = "1.7.5";

  /** The engine Cloister compiles with: Chicory, as {@code ChicoryEngine.compiled()} sets it up. */
  public static final EngineId CHICORY =
      new EngineId(
          "chicory",
          CHICORY_VERSION,
          "compiler=MachineFactoryCompiler outline-budget="
              + ModuleOutliner.DEFAULT_BUDGET
              + " interpreter-fallback=fail-then-silent");

  public EngineId {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
  }

  /** The one-line form a {@code .cwasm}'s engine section holds: {@code chicory/1.7.5 options}. */
  public String text() {
    return engine + "/" + version + " " + options;
  }
}
