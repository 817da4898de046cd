package io.cloister.component.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.CoreModuleInfo;
import java.util.function.Function;

/**
 * A core module parsed and compiled once: every instance of it reuses the parsed module and the
 * machine factory (the compiled classes, or the interpreter).
 */
record CompiledModule(WasmModule module, CoreModuleInfo info, Function<Instance, Machine> machines) {}
