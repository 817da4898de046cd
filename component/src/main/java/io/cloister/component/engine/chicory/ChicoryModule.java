package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreModule;
import java.util.function.Function;

/** A parsed module and the factory of the machines (compiled or interpreting) that run it. */
record ChicoryModule(WasmModule module, CoreModuleInfo info, Function<Instance, Machine> machines)
    implements CoreModule {}
