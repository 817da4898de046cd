package io.cloister.component.runtime;

import io.cloister.component.link.Linker;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.Optional;

/** Test helper: defines every imported function as one that fails the test when called. */
final class TrapStubs {
  private TrapStubs() {}

  /**
   * The stdio functions that the preview-1 adapter inside wit-bindgen's test components calls at
   * start-up: streams 0, 1, 2, no terminals and no preopened directories. Returns what the guest
   * writes to its output streams.
   */
  static StringBuilder defineStdio(Linker<Void> linker) {
    StringBuilder written = new StringBuilder();
    var in = linker.defineResource("wasi:io/streams@0.2.0", "input-stream", rep -> {});
    var out = linker.defineResource("wasi:io/streams@0.2.0", "output-stream", rep -> {});
    linker.defineFunction("wasi:cli/stdin@0.2.0", "get-stdin", null,
        a -> List.of(new Value.ResourceValue(in, 0, true)));
    linker.defineFunction("wasi:cli/stdout@0.2.0", "get-stdout", null,
        a -> List.of(new Value.ResourceValue(out, 1, true)));
    linker.defineFunction("wasi:cli/stderr@0.2.0", "get-stderr", null,
        a -> List.of(new Value.ResourceValue(out, 2, true)));
    linker.defineFunction("wasi:filesystem/preopens@0.2.0", "get-directories", null,
        a -> List.of(new Value.ListValue(List.of())));
    for (String t : List.of("stdin", "stdout", "stderr")) {
      linker.defineFunction("wasi:cli/terminal-" + t + "@0.2.0", "get-terminal-" + t, null,
          a -> List.of(new Value.OptionValue(Optional.empty())));
    }
    linker.defineFunction("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush", null,
        a -> {
          byte[] bytes = ((Value.Bytes) a.get(1)).value();
          written.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          return List.of(new Value.ResultValue(true, Optional.empty()));
        });
    return written;
  }

  /** A linker where every import of {@code c} exists and fails if called; override what a test needs. */
  static Linker<Void> linkerFor(Component c) {
    return linkerFor(c, null);
  }

  /**
   * Like {@link #linkerFor(Component)}, but defines versioned interfaces under {@code version}
   * instead of the imported one (to exercise compatible-version matching), when not null.
   */
  static Linker<Void> linkerFor(Component c, String version) {
    Linker<Void> linker = new Linker<Void>();
    for (ExternDecl imp : c.type().imports()) {
      if (imp.type() instanceof InstanceType it) {
        String name =
            version == null || !imp.name().contains("@")
                ? imp.name()
                : imp.name().substring(0, imp.name().lastIndexOf('@') + 1) + version;
        for (ExternDecl d : it.exports()) {
          if (d.type() instanceof FuncType) {
            linker.defineFunction(name, d.name(), null, args -> {
              throw new AssertionError("unexpected call of " + imp.name() + "#" + d.name());
            });
          }
        }
      } else if (imp.type() instanceof FuncType) {
        linker.defineFunction(imp.name(), null, args -> {
          throw new AssertionError("unexpected call of " + imp.name());
        });
      }
    }
    return linker;
  }
}
