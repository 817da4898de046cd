/**
 * A spike of a second core WebAssembly engine: GraalWasm on Truffle with the Graal JIT, behind
 * engine-neutral types ({@link io.cloister.engine.graalwasm.CoreModule}, {@link
 * io.cloister.engine.graalwasm.CoreStore}, {@link io.cloister.engine.graalwasm.CoreInstance},
 * {@link io.cloister.engine.graalwasm.HostFunction}) that a Component Model engine interface can
 * adopt. How to run it with the JIT, and what it measured: docs/graalwasm.md.
 */
package io.cloister.engine.graalwasm;
