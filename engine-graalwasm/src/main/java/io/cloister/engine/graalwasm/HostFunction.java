package io.cloister.engine.graalwasm;

/**
 * A function the host gives a core instance as an import. Values travel as {@code long}s, as in
 * Chicory: an i32 as its {@code int} value, an i64 as is, an f32 as its raw int bits, an f64 as
 * its raw long bits ({@link Values}). An exception thrown here unwinds the guest and reaches the
 * caller of the export unchanged.
 */
@FunctionalInterface
public interface HostFunction {
  /** Runs with one value per parameter; returns one value per result (null or empty for none). */
  long[] call(long[] args);
}
