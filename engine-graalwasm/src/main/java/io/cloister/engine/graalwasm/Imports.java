package io.cloister.engine.graalwasm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an instantiation's imports resolve to, by module and field name: host functions, or the
 * exports of instances of the same store (functions, memories, tables, globals).
 */
public final class Imports {
  private static final Imports EMPTY = new Imports(Map.of());

  /** A host function with the type it is imported at. */
  record Host(FuncType type, HostFunction function) {}

  private final Map<String, Map<String, Object>> byModule; // values: Host or CoreExtern

  private Imports(Map<String, Map<String, Object>> byModule) {
    this.byModule = byModule;
  }

  /** No imports. */
  public static Imports none() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  Optional<Object> get(String module, String name) {
    Map<String, Object> m = byModule.get(module);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(name));
  }

  Map<String, Map<String, Object>> all() {
    return byModule;
  }

  /** Collects imports. */
  public static final class Builder {
    private final Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();

    private Builder() {}

    /** A host function of type {@code type} as {@code module.name}. */
    public Builder function(String module, String name, FuncType type, HostFunction function) {
      if (!type.numbersOnly()) {
        throw new IllegalArgumentException(
            "host function " + module + "." + name + ": only numeric types are supported, not " + type);
      }
      return put(module, name, new Host(type, Objects.requireNonNull(function)));
    }

    /** Another instance's export as {@code module.name}. */
    public Builder extern(String module, String name, CoreExtern extern) {
      return put(module, name, Objects.requireNonNull(extern));
    }

    /** Every export of {@code instance} under {@code module}, by its export name. */
    public Builder instance(String module, CoreInstance instance) {
      instance.exports().forEach((name, x) -> put(module, name, x));
      return this;
    }

    private Builder put(String module, String name, Object value) {
      Object old = byModule.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(name, value);
      if (old != null) {
        throw new IllegalArgumentException("import " + module + "." + name + " given twice");
      }
      return this;
    }

    /** The imports. */
    public Imports build() {
      Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
      byModule.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
      return new Imports(copy);
    }
  }
}
