/**
 * Core module function outlining: rewrites a core module so that no function body exceeds a size
 * budget, by moving regions of oversized functions into new functions, so that Chicory's compiler
 * can turn every function into a JVM method (which holds at most 64 KB of bytecode).
 */
package io.cloister.component.outline;
