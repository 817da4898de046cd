package io.cloister.component.runtime;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.abi.CallPlan;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.Definition;
import io.cloister.component.binary.ValidatedComponent;
import io.cloister.component.outline.ModuleOutliner;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.FuncType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A decoded, validated and compiled component: every core module parsed and compiled once.
 * Immutable and thread-safe; instantiate it as many times as needed (each instance is
 * single-threaded).
 */
public final class Component {
  private static final int MAX_CACHED_PLANS = 4096;

  private final ValidatedComponent validated;
  private final EngineOptions options;
  private final Map<Definition.CoreModule, CompiledModule> modules;
  // Call plans are immutable and depend only on the function type (resource types compare by
  // identity), so instances share them; bounded because a linker may bind fresh host resource
  // types on every instantiation.
  private final Map<FuncType, CallPlan> plans = new ConcurrentHashMap<>();

  private Component(
      ValidatedComponent validated,
      EngineOptions options,
      Map<Definition.CoreModule, CompiledModule> modules) {
    this.validated = validated;
    this.options = options;
    this.modules = modules;
  }

  /** Decodes, validates and compiles {@code bytes} with the Chicory compiler. */
  public static Component compile(byte[] bytes) throws ComponentDecodeException {
    return compile(bytes, EngineOptions.compiled());
  }

  /** Decodes, validates and prepares {@code bytes} to run as {@code options} say. */
  public static Component compile(byte[] bytes, EngineOptions options)
      throws ComponentDecodeException {
    ValidatedComponent v = ValidatedComponent.of(bytes);
    Map<Definition.CoreModule, CompiledModule> modules = new IdentityHashMap<>();
    prepare(v, options, modules);
    return new Component(v, options, Collections.unmodifiableMap(modules));
  }

  private static void prepare(
      ValidatedComponent v, EngineOptions options, Map<Definition.CoreModule, CompiledModule> out)
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

  private static CompiledModule compileModule(
      Definition.CoreModule m, io.cloister.component.binary.CoreModuleInfo info, EngineOptions options)
      throws ComponentDecodeException {
    byte[] bytes = m.bytes();
    if (options.compile()) {
      // Chicory interprets any function too big for one JVM method; split those first
      bytes = new ModuleOutliner(ModuleOutliner.DEFAULT_BUDGET).outline(bytes, m.start()).module();
    }
    WasmModule module;
    try {
      module = Parser.parse(EmptyImportNames.rename(bytes));
    } catch (RuntimeException e) {
      // Chicory's parser meets untrusted bytes here and does not only throw ChicoryException
      // (the fuzzer found NullPointerExceptions from its ControlTree on malformed code).
      throw new ComponentDecodeException(m.start(), "invalid core module: " + e);
    }
    if (!options.compile()) {
      return new CompiledModule(module, info, InterpreterMachine::new);
    }
    try {
      Function<Instance, Machine> all =
          MachineFactoryCompiler.builder(module)
              .withInterpreterFallback(InterpreterFallback.FAIL)
              .compile();
      // Chicory's factory insists on the very module it compiled; its inner factory does not, and
      // compiled code never reads the parsed instructions, so instances get a module without them.
      if (all instanceof com.dylibso.chicory.runtime.CompiledModule compiled) {
        return new CompiledModule(BodylessModule.of(module), info, compiled.machineFactory());
      }
      return new CompiledModule(module, info, all);
    } catch (ChicoryException tooBig) {
      // some function is still too big for one JVM method: the interpreter runs it, from the
      // parsed instructions
    }
    try {
      return new CompiledModule(
          module,
          info,
          MachineFactoryCompiler.builder(module)
              .withInterpreterFallback(InterpreterFallback.SILENT)
              .compile());
    } catch (RuntimeException e) {
      throw new ComponentDecodeException(m.start(), "core module does not compile: " + e);
    }
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

  CompiledModule module(Definition.CoreModule m) {
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
