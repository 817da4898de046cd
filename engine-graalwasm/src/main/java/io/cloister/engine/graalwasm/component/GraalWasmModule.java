package io.cloister.engine.graalwasm.component;

import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreModule;

/**
 * A core module compiled by GraalWasm, with its info as the component validator read it; {@code
 * initialBytesOverCap} is its largest initial memory when that is over the cap (else 0).
 */
record GraalWasmModule(
    io.cloister.engine.graalwasm.CoreModule module,
    CoreModuleInfo info,
    long initialBytesOverCap,
    long capBytes)
    implements CoreModule {}
