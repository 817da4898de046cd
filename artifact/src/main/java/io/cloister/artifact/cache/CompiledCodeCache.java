package io.cloister.artifact.cache;

import java.io.IOException;
import java.util.Optional;

/**
 * The enclave's store of its own compiled output, so that a restart does not recompile. Only the
 * enclave writes it, only from its own compilation; it is never filled from an upload. Under one
 * {@link CacheKey} an engine keeps named entries (Chicory: one per core module, named by the
 * module's digest). A missing, unreadable or oversized entry is a miss: the enclave recompiles.
 */
public interface CompiledCodeCache {

  /** The entry's bytes, or empty on a miss. */
  Optional<byte[]> get(CacheKey key, String entry) throws IOException;

  /** Stores an entry unless one is there already (the first compilation's output stays). */
  void putIfAbsent(CacheKey key, String entry, byte[] bytes) throws IOException;
}
