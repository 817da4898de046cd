/**
 * The core engine on Chicory: modules compiled to JVM bytecode by Chicory's compiler (functions
 * too big for a JVM method outlined first, the interpreter as the last resort) or interpreted, and
 * every linear memory a {@link FlatMemory} drawing on the component instance's memory budget.
 */
package io.cloister.component.engine.chicory;
