/**
 * The sealed key-value store behind each app's {@code wasi:keyvalue} (ARCHITECTURE "Sealed KV"):
 * per-app keys derived from the sealing key, HMAC'd stored keys, AES-256-GCM records that carry
 * the real key name and a version, over a {@link io.cloister.enclave.kv.HostStore} that holds
 * ciphertext only (RocksDB here; docs/kv-store.md says what a replacement must guarantee).
 */
package io.cloister.enclave.kv;
