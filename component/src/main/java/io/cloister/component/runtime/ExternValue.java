package io.cloister.component.runtime;

import io.cloister.component.types.DefType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What an import is satisfied with, or an export gives: a function, a type or an instance. */
public sealed interface ExternValue
    permits ExternValue.Func,
        ExternValue.Type,
        ExternValue.Instance,
        ComponentDefinition,
        ModuleDefinition {

  /** A component function. */
  record Func(ComponentFunction function) implements ExternValue {}

  /** A type: for a resource import, the resource type that actually implements it. */
  record Type(DefType type) implements ExternValue {}

  /** An instance: its exports by name, in order. */
  record Instance(Map<String, ExternValue> exports) implements ExternValue {
    public Instance {
      exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** The export named {@code name}, if any. */
    public Optional<ExternValue> export(String name) {
      return Optional.ofNullable(exports.get(name));
    }
  }
}
