package io.cloister.component.engine.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreEngine;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.engine.CoreStore;
import io.cloister.component.outline.ModuleOutliner;
import java.util.Optional;
import java.util.function.Function;

/** Chicory as the core engine: compiled to JVM bytecode, or interpreted. Thread-safe. */
public final class ChicoryEngine implements CoreEngine {
  private final boolean compile;
  private final Optional<Cache> cache;

  private ChicoryEngine(boolean compile, Optional<Cache> cache) {
    this.compile = compile;
    this.cache = cache;
  }

  /** Core modules compiled to JVM bytecode once (the default). */
  public static ChicoryEngine compiled() {
    return new ChicoryEngine(true, Optional.empty());
  }

  /**
   * Core modules compiled to JVM bytecode, the generated classes kept in (and taken from) {@code
   * cache}, keyed by Chicory by a digest of each module: a restart defines the classes it compiled
   * before instead of compiling again. The cache must only hold what this process's own compiler
   * wrote (the enclave authenticates its entries; artifact's {@code AuthenticatedCodeCache}).
   */
  public static ChicoryEngine compiled(Cache cache) {
    return new ChicoryEngine(true, Optional.of(cache));
  }

  /** Core modules interpreted: no compile cost, slower calls. */
  public static ChicoryEngine interpreted() {
    return new ChicoryEngine(false, Optional.empty());
  }

  private MachineFactoryCompiler.Builder compiler(WasmModule module) {
    MachineFactoryCompiler.Builder b = MachineFactoryCompiler.builder(module);
    cache.ifPresent(b::withCache);
    return b;
  }

  @Override
  public String name() {
    return compile ? "chicory" : "chicory-interpreter";
  }

  @Override
  public CoreModule compile(byte[] bytes, CoreModuleInfo info, int offset, long maxMemoryBytes)
      throws ComponentDecodeException {
    // the cap is the store's budget (newStore), shared by the memories of an instance
    if (compile) {
      // Chicory interprets any function too big for one JVM method; split those first
      bytes = new ModuleOutliner(ModuleOutliner.DEFAULT_BUDGET).outline(bytes, offset).module();
    }
    WasmModule module;
    try {
      module = Parser.parse(EmptyImportNames.rename(bytes));
    } catch (RuntimeException e) {
      // Chicory's parser meets untrusted bytes here and does not only throw ChicoryException
      // (the fuzzer found NullPointerExceptions from its ControlTree on malformed code).
      throw new ComponentDecodeException(offset, "invalid core module: " + e);
    }
    if (!compile) {
      return new ChicoryModule(module, info, InterpreterMachine::new);
    }
    try {
      Function<Instance, Machine> all =
          compiler(module)
              .withInterpreterFallback(InterpreterFallback.FAIL)
              .compile();
      // Chicory's factory insists on the very module it compiled; its inner factory does not, and
      // compiled code never reads the parsed instructions, so instances get a module without them.
      if (all instanceof com.dylibso.chicory.runtime.CompiledModule compiled) {
        return new ChicoryModule(BodylessModule.of(module), info, compiled.machineFactory());
      }
      return new ChicoryModule(module, info, all);
    } catch (ChicoryException tooBig) {
      // some function is still too big for one JVM method: the interpreter runs it, from the
      // parsed instructions
    }
    try {
      return new ChicoryModule(
          module,
          info,
          compiler(module)
              .withInterpreterFallback(InterpreterFallback.SILENT)
              .compile());
    } catch (RuntimeException e) {
      throw new ComponentDecodeException(offset, "core module does not compile: " + e);
    }
  }

  @Override
  public CoreStore newStore(long maxMemoryBytes) {
    return new ChicoryStore(new MemoryBudget(maxMemoryBytes));
  }
}
