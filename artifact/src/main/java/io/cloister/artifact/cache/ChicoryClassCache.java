package io.cloister.artifact.cache;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;

/**
 * Chicory's own compiled-class cache ({@code MachineFactoryCompiler.Builder.withCache}) on a
 * {@link CompiledCodeCache}, for the core modules of one component: Chicory asks by module digest
 * and stores the classes it generated, as a JAR. The lever for the enclave to cache its output
 * without touching Chicory's internals (docs/artifact.md).
 */
public final class ChicoryClassCache implements Cache {
  private final CompiledCodeCache cache;
  private final CacheKey key;

  /**
   * @param cache where entries live
   * @param key the engine and the component whose core modules Chicory compiles
   */
  public ChicoryClassCache(CompiledCodeCache cache, CacheKey key) {
    this.cache = cache;
    this.key = key;
  }

  @Override
  public byte[] get(String moduleDigest) throws IOException {
    return cache.get(key, moduleDigest).orElse(null);
  }

  @Override
  public void putIfAbsent(String moduleDigest, byte[] classes) throws IOException {
    cache.putIfAbsent(key, moduleDigest, classes);
  }
}
