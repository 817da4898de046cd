package io.cloister.artifact.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cloister.artifact.CodeHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chicory compiles through the cache: the second compilation loads the first one's classes. */
class ChicoryClassCacheTest {
  @TempDir Path dir;

  /** (module (func (export "f") (result i32) i32.const 42)) */
  private static final byte[] MODULE = {
    0, 'a', 's', 'm', 1, 0, 0, 0,
    1, 5, 1, 0x60, 0, 1, 0x7f,
    3, 2, 1, 0,
    7, 5, 1, 1, 'f', 0, 0,
    0x0a, 6, 1, 4, 0, 0x41, 42, 0x0b
  };

  /** Counts the hits of a real directory cache. */
  private static final class Counting implements CompiledCodeCache {
    final CompiledCodeCache inner;
    final AtomicInteger hits = new AtomicInteger();

    Counting(CompiledCodeCache inner) {
      this.inner = inner;
    }

    @Override
    public Optional<byte[]> get(CacheKey key, String entry) throws IOException {
      Optional<byte[]> found = inner.get(key, entry);
      found.ifPresent(b -> hits.incrementAndGet());
      return found;
    }

    @Override
    public void putIfAbsent(CacheKey key, String entry, byte[] bytes) throws IOException {
      inner.putIfAbsent(key, entry, bytes);
    }
  }

  private static long call(Counting cache) {
    WasmModule module = Parser.parse(MODULE);
    CacheKey key = new CacheKey("test-engine", CodeHash.of(MODULE));
    Function<Instance, Machine> machines =
        MachineFactoryCompiler.builder(module).withCache(new ChicoryClassCache(cache, key)).compile();
    Instance instance = Instance.builder(module).withMachineFactory(machines).build();
    return instance.export("f").apply()[0];
  }

  @Test
  void aRestartLoadsTheCachedClasses() {
    Counting first = new Counting(new DirectoryCodeCache(dir));
    Counting afterRestart = new Counting(new DirectoryCodeCache(dir));

    assertThat(call(first)).isEqualTo(42);
    assertThat(call(afterRestart)).isEqualTo(42);

    assertThat(first.hits).hasValue(0);
    assertThat(afterRestart.hits).hasValue(1);
  }
}
