package io.cloister.bench;

import io.cloister.component.engine.CoreEngine;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.TypeExtern;
import io.cloister.engine.graalwasm.component.EngineChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Loads the shared fixture components and links them for benchmarks: every import the benchmark
 * does not exercise is a function that fails if called, every imported resource a host type.
 */
final class FixtureHost {
  private FixtureHost() {}

  /** The fixture's bytes, from {@code cloister.shared.dir} (default {@code ../shared}). */
  static byte[] read(String file) {
    return read(
        Path.of(System.getProperty("cloister.shared.dir", "../shared"), "fixtures", "components", file));
  }

  /**
   * A component built in this repository's {@code fixtures/} (e.g. {@code
   * bench/build/bytes-echo.component.wasm}), from {@code cloister.fixtures.dir} (default {@code
   * fixtures}, the project root being the working directory).
   */
  static Component compileProjectFixture(String file, EngineOptions options) {
    return compile(
        read(Path.of(System.getProperty("cloister.fixtures.dir", "fixtures"), file)), file, options);
  }

  /** The engine a benchmark's {@code engine} parameter names (chicory, graalwasm). */
  static EngineOptions engine(String name) {
    // a figure of Chicory standing in for GraalWasm would mislead: refuse rather than fall back
    CoreEngine core =
        EngineChoice.parse(name)
            .engine(
                why -> {
                  throw new IllegalStateException(why + " (run through scripts/bench.sh)");
                });
    return new EngineOptions(core, EngineOptions.NO_MEMORY_CAP);
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("fixture " + p.toAbsolutePath() + " (set -Dcloister.shared.dir)", e);
    }
  }

  static Component compile(String file, EngineOptions options) {
    return compile(read(file), file, options);
  }

  private static Component compile(byte[] bytes, String file, EngineOptions options) {
    try {
      return Component.compile(bytes, options);
    } catch (Exception e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** A linker satisfying every import of {@code component} with stubs (define real ones after). */
  static Linker<Void> stubbed(Component component) {
    Linker<Void> linker = new Linker<Void>();
    Set<ResourceType> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ExternDecl d : component.type().imports()) {
      if (d.type() instanceof InstanceType instance) {
        for (ExternDecl item : instance.exports()) {
          stub(linker, seen, d.name(), item);
        }
      } else {
        stub(linker, seen, "", d);
      }
    }
    return linker;
  }

  private static void stub(Linker<?> linker, Set<ResourceType> seen, String iface, ExternDecl item) {
    if (item.type() instanceof FuncType) {
      linker.defineFunction(
          iface,
          item.name(),
          null,
          args -> {
            throw new UnsupportedOperationException("not provided: " + iface + "#" + item.name());
          });
    } else if (item.type() instanceof TypeExtern t
        && t.type() instanceof ResourceType r
        && seen.add(r)) {
      linker.defineResource(iface, item.name(), (io.cloister.component.abi.ResourceDestructor) null);
    }
  }
}
