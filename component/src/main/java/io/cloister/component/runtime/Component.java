package io.cloister.component.runtime;

import io.cloister.component.abi.CallPlan;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.binary.Definition;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.FuncType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decoded, validated and compiled component: every core module parsed and compiled once.
 * Immutable and thread-safe; instantiate it as many times as needed (each instance is
 * single-threaded).
 */
public final class Component {
  private static final int MAX_CACHED_PLANS = 4096;

  private final ValidatedComponent validated;
  private final EngineOptions options;
  private final Map<Definition.CoreModule, CoreModule> modules;
  // Call plans are immutable and depend only on the function type (resource types compare by
  // identity), so instances share them; bounded because a linker may bind fresh host resource
  // types on every instantiation.
  private final Map<FuncType, CallPlan> plans = new ConcurrentHashMap<>();

  private Component(
      ValidatedComponent validated,
      EngineOptions options,
      Map<Definition.CoreModule, CoreModule> modules) {
    this.validated = validated;
    this.options = options;
    this.modules = modules;
  }

  /** Decodes, validates and compiles {@code bytes} with Chicory's compiler. */
  public static Component compile(byte[] bytes) throws ComponentDecodeException {
    return compile(bytes, EngineOptions.compiled());
  }

  /** Decodes, validates and prepares {@code bytes} to run as {@code options} say. */
  public static Component compile(byte[] bytes, EngineOptions options)
      throws ComponentDecodeException {
    ValidatedComponent v = ValidatedComponent.of(bytes);
    Map<Definition.CoreModule, CoreModule> modules = new IdentityHashMap<>();
    prepare(v, options, modules);
    return new Component(v, options, Collections.unmodifiableMap(modules));
  }

  private static void prepare(
      ValidatedComponent v, EngineOptions options, Map<Definition.CoreModule, CoreModule> out)
      throws ComponentDecodeException {
    int moduleIndex = 0;
    List<Definition> defs = v.ast().definitions();
    for (Definition d : defs) {
      if (d instanceof Definition.CoreModule m) {
        out.put(m, compileModule(m, v.coreModules().get(moduleIndex), options));
      }
      if (d.definedSort().orElse(null) == io.cloister.component.binary.Sort.CORE_MODULE) {
        moduleIndex++;
      }
    }
    for (ValidatedComponent body : v.componentBodies()) {
      // bodies aliased from an outer scope are that scope's own, prepared there
      if (body != null && v.ast().definitions().stream()
          .anyMatch(d -> d instanceof Definition.NestedComponent n && n.component() == body.ast())) {
        prepare(body, options, out);
      }
    }
  }

  private static CoreModule compileModule(
      Definition.CoreModule m, CoreModuleInfo info, EngineOptions options)
      throws ComponentDecodeException {
    return options.engine().compile(m.bytes(), info, m.start(), options.maxMemoryBytes());
  }

  /** The component's type: its imports and exports. */
  public ComponentType type() {
    return validated.type();
  }

  /** The validated definitions this component was built from. */
  public ValidatedComponent validated() {
    return validated;
  }

  /** How this component's core modules run. */
  public EngineOptions options() {
    return options;
  }

  CoreModule module(Definition.CoreModule m) {
    return modules.get(m);
  }

  /** The call plan of {@code type}, built once per component and type. */
  CallPlan plan(FuncType type) {
    CallPlan plan = plans.get(type);
    if (plan == null) {
      plan = CallPlan.of(type);
      if (plans.size() < MAX_CACHED_PLANS) {
        plans.putIfAbsent(type, plan);
      }
    }
    return plan;
  }
}
