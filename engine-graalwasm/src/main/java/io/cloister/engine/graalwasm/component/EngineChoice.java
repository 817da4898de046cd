package io.cloister.engine.graalwasm.component;

import io.cloister.component.engine.CoreEngine;
import io.cloister.component.engine.chicory.ChicoryEngine;
import java.util.Locale;
import java.util.function.Consumer;

/** The core engines a server or a call may run guests on, as {@code --engine} names them. */
public enum EngineChoice {
  /** Chicory: core modules compiled to JVM bytecode (the default). */
  CHICORY,
  /** GraalWasm with the Graal JIT (docs/graalwasm.md). */
  GRAALWASM;

  /** The names, for help and errors. */
  public static final String NAMES = "chicory, graalwasm";

  /**
   * The engine {@code name} names, case-insensitively.
   *
   * @throws IllegalArgumentException naming the engines there are
   */
  public static EngineChoice parse(String name) {
    for (EngineChoice c : values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("no engine '" + name + "': choose one of " + NAMES);
  }

  /**
   * The engine to run on. GraalWasm without its JIT (a JVM started without the launcher's JVMCI
   * flags) would run guests in Truffle's interpreter, a hundred times slower: then Chicory runs
   * them instead and {@code warnings} is told why.
   */
  public CoreEngine engine(Consumer<String> warnings) {
    return switch (this) {
      case CHICORY -> ChicoryEngine.compiled();
      case GRAALWASM -> {
        GraalWasmCoreEngine graal = GraalWasmCoreEngine.shared();
        if (graal.engine().optimizing()) {
          yield graal;
        }
        warnings.accept(
            "GraalWasm has no JIT in this JVM (it needs -XX:+EnableJVMCI and the Graal compiler on"
                + " --upgrade-module-path, as ./cloister starts it): running on Chicory instead");
        yield ChicoryEngine.compiled();
      }
    };
  }
}
