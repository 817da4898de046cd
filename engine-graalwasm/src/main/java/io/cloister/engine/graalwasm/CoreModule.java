package io.cloister.engine.graalwasm;

import org.graalvm.polyglot.Source;

/** A compiled core module: its (possibly memory-capped) source, shared by every instance of it. */
public final class CoreModule {
  private final String name;
  private final Source source;
  private final ModuleInfo info;
  private final long maxMemoryBytes;

  CoreModule(String name, Source source, ModuleInfo info, long maxMemoryBytes) {
    this.name = name;
    this.source = source;
    this.info = info;
    this.maxMemoryBytes = maxMemoryBytes;
  }

  /** The name it was compiled under (used in errors). */
  public String name() {
    return name;
  }

  /** Its imports, exports and memories as declared (before capping). */
  public ModuleInfo info() {
    return info;
  }

  /** The cap every memory it defines was lowered to, in bytes; negative for none. */
  public long maxMemoryBytes() {
    return maxMemoryBytes;
  }

  Source source() {
    return source;
  }

  @Override
  public String toString() {
    return "CoreModule[" + name + "]";
  }
}
