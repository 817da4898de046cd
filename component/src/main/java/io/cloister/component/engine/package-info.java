/**
 * What the Component Model layer needs from a core WebAssembly engine: compile a module once,
 * instantiate it into a store with imports, call exports, read and write linear memory. The
 * canonical ABI, linking and WASI see only these types; {@code engine.chicory} implements them.
 */
package io.cloister.component.engine;
