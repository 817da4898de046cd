/**
 * GraalWasm as the component runtime's core engine: {@link GraalWasmCoreEngine} implements {@code
 * io.cloister.component.engine.CoreEngine} over the engine of the enclosing package, one polyglot
 * context per component instance.
 */
package io.cloister.engine.graalwasm.component;
