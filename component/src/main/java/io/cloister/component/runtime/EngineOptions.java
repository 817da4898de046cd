package io.cloister.component.runtime;

/**
 * How a component's core modules run: compiled to JVM bytecode by the Chicory compiler (functions
 * too big for a JVM method fall back to the interpreter), or interpreted; and how much linear
 * memory one component instance may hold.
 *
 * @param compile whether core modules are compiled (else interpreted)
 * @param maxMemoryBytes the most bytes of linear memory one component instance may hold, summed
 *     over all of its core memories (whole 64 KiB pages count: the cap is rounded down to a page
 *     multiple); {@link #NO_MEMORY_CAP} for none beyond what each memory declares
 */
public record EngineOptions(boolean compile, long maxMemoryBytes) {

  /** No cap beyond each memory's own declared maximum. */
  public static final long NO_MEMORY_CAP = Long.MAX_VALUE;

  public EngineOptions {
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("memory cap must not be negative: " + maxMemoryBytes);
    }
  }

  /** Compile every core module once (the default), no memory cap. */
  public static EngineOptions compiled() {
    return new EngineOptions(true, NO_MEMORY_CAP);
  }

  /** Interpret every core module: no compile cost, slower calls; no memory cap. */
  public static EngineOptions interpreted() {
    return new EngineOptions(false, NO_MEMORY_CAP);
  }

  /** These options with every instance's linear memory capped at {@code bytes} in total. */
  public EngineOptions withMaxMemory(long bytes) {
    return new EngineOptions(compile, bytes);
  }
}
