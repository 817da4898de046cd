package io.cloister.component.runtime;

import io.cloister.component.engine.CoreEngine;
import io.cloister.component.engine.chicory.ChicoryEngine;
import java.util.Objects;

/**
 * How a component's core modules run: which {@link CoreEngine} compiles and runs them, and how
 * much linear memory one component instance may hold.
 *
 * @param engine the core engine
 * @param maxMemoryBytes the most bytes of linear memory one component instance may hold, summed
 *     over all of its core memories (whole 64 KiB pages count: the cap is rounded down to a page
 *     multiple); {@link #NO_MEMORY_CAP} for none beyond what each memory declares
 */
public record EngineOptions(CoreEngine engine, long maxMemoryBytes) {

  /** No cap beyond each memory's own declared maximum. */
  public static final long NO_MEMORY_CAP = Long.MAX_VALUE;

  public EngineOptions {
    Objects.requireNonNull(engine, "engine");
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("memory cap must not be negative: " + maxMemoryBytes);
    }
  }

  /**
   * Chicory's compiler: every core module compiled to JVM bytecode once (the default; functions
   * too big for a JVM method fall back to the interpreter), no memory cap.
   */
  public static EngineOptions compiled() {
    return new EngineOptions(ChicoryEngine.compiled(), NO_MEMORY_CAP);
  }

  /** Chicory's interpreter for every core module: no compile cost, slower calls; no memory cap. */
  public static EngineOptions interpreted() {
    return new EngineOptions(ChicoryEngine.interpreted(), NO_MEMORY_CAP);
  }

  /** These options with every instance's linear memory capped at {@code bytes} in total. */
  public EngineOptions withMaxMemory(long bytes) {
    return new EngineOptions(engine, bytes);
  }
}
