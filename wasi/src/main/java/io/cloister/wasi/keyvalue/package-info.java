/**
 * {@code wasi:keyvalue}: store, atomics and batch over per-app {@link
 * io.cloister.wasi.keyvalue.KeyValueStore} buckets (memory, files).
 */
package io.cloister.wasi.keyvalue;
