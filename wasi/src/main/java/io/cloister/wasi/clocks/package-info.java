/**
 * {@code wasi:clocks}: wall clock and monotonic clock over an injectable {@link
 * io.cloister.wasi.clocks.ClockSource}.
 */
package io.cloister.wasi.clocks;
