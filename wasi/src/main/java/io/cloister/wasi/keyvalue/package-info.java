/**
 * {@code wasi:keyvalue} 0.2.0-draft and 0.2.0-draft2: store, atomics and batch over per-app {@link
 * io.cloister.wasi.keyvalue.KeyValueStore} buckets (memory, files).
 */
package io.cloister.wasi.keyvalue;
