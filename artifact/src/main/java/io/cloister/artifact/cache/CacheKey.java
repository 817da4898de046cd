package io.cloister.artifact.cache;

import io.cloister.artifact.CodeHash;
import java.util.Objects;

/**
 * What compiled code is keyed by: the engine that made it (its {@code EngineId} text, compiler
 * options included) and the SHA-256 of the component's bytes, whatever container carried them.
 */
public record CacheKey(String engineId, CodeHash componentHash) {
  public CacheKey {
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(componentHash, "componentHash");
  }
}
