package io.cloister.component.binary;

import java.util.List;

/** A canonical definition: {@code lift}, {@code lower} and the built-ins. */
public sealed interface Canon {

  /** {@code (canon lift f opts type)}: defines a component function. */
  record Lift(int coreFuncIndex, List<CanonOption> options, int typeIndex) implements Canon {
    public Lift {
      options = List.copyOf(options);
    }
  }

  /** {@code (canon lower f opts)}: defines a core function. */
  record Lower(int funcIndex, List<CanonOption> options) implements Canon {
    public Lower {
      options = List.copyOf(options);
    }
  }

  /** {@code (canon resource.new rt)}. */
  record ResourceNew(int typeIndex) implements Canon {}

  /** {@code (canon resource.drop rt)}; {@code async} for the async variant. */
  record ResourceDrop(int typeIndex, boolean async) implements Canon {}

  /** {@code (canon resource.rep rt)}. */
  record ResourceRep(int typeIndex) implements Canon {}

  /**
   * A built-in of the async, error-context or threads proposals: decoded (its immediates skipped
   * exactly), not supported at run time.
   */
  record Unsupported(int opcode, String name) implements Canon {}

  /** Whether this definition adds to the component function space (else the core one). */
  default boolean definesComponentFunc() {
    return this instanceof Lift;
  }
}
