package io.cloister.engine.graalwasm;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;

/**
 * A core WebAssembly engine on GraalWasm: one Truffle {@link Engine} whose compiled guest code is
 * shared by every {@link CoreStore} (one polyglot {@link Context} each) made from it.
 *
 * <p>The Graal JIT is only there when the JVM runs with JVMCI and the Graal compiler on the upgrade
 * module path (docs/graalwasm.md); otherwise Truffle runs guests in its interpreter, says so once
 * on the engine's log, and {@link #optimizing()} is false.
 */
public final class GraalWasmEngine implements AutoCloseable {
  /** The Truffle runtime name of the fallback (interpreter-only) runtime. */
  public static final String INTERPRETED_RUNTIME = "Interpreted";

  /** How the host reads and writes linear memory. */
  public enum MemoryAccess {
    /**
     * Through a direct {@code ByteBuffer} on the memory: about a microsecond per 64 KiB either way.
     * Needs GraalWasm's experimental {@code wasm.UseUnsafeMemory} and {@code
     * wasm.DirectByteBufferMemoryAccess} (memories are then off-heap) and the polyglot bindings for
     * the wasm language only; Truffle's sandbox policy TRUSTED.
     */
    DIRECT,
    /**
     * Through the polyglot {@code Value} buffer API only: bulk reads, writes eight bytes per call
     * (tens of times slower to write); no experimental option, no polyglot access, sandbox
     * policy CONSTRAINED.
     */
    POLYGLOT
  }

  /** No host object is visible to guests, and no value maps to a mutable host type. */
  private static final HostAccess NO_HOST_ACCESS =
      HostAccess.newBuilder(HostAccess.NONE).allowMutableTargetMappings().build();

  private static volatile GraalWasmEngine shared;

  private final Engine engine;
  private final MemoryAccess memoryAccess;

  private GraalWasmEngine(Builder b) {
    this.memoryAccess = b.memoryAccess;
    Engine.Builder eb = Engine.newBuilder("wasm");
    if (memoryAccess == MemoryAccess.DIRECT) {
      eb.allowExperimentalOptions(true)
          .option("wasm.UseUnsafeMemory", "true")
          .option("wasm.DirectByteBufferMemoryAccess", "true")
          // Stores are entered from a server's virtual threads, one at a time (docs/graalwasm.md);
          // an experimental option too, so only where those are allowed anyway.
          .option("engine.WarnVirtualThreadSupport", "false");
    } else {
      eb.sandbox(SandboxPolicy.CONSTRAINED)
          .out(OutputStream.nullOutputStream())
          .err(OutputStream.nullOutputStream());
    }
    b.options.forEach(eb::option);
    if (b.logHandler != null) {
      eb.logHandler(b.logHandler);
    }
    this.engine = eb.build();
    for (String key : b.options.keySet()) {
      OptionDescriptor d = engine.getOptions().get(key);
      if (d == null) {
        d = engine.getLanguages().get("wasm").getOptions().get(key);
      }
      if (d != null && d.getStability() == OptionStability.EXPERIMENTAL) {
        engine.close();
        throw new IllegalArgumentException(
            "option " + key + " is experimental: only the memory options of MemoryAccess.DIRECT may be");
      }
    }
  }

  /** The process's shared engine (direct memory access), made on first use and never closed. */
  public static GraalWasmEngine shared() {
    GraalWasmEngine e = shared;
    if (e == null) {
      synchronized (GraalWasmEngine.class) {
        e = shared;
        if (e == null) {
          e = builder().build();
          shared = e;
        }
      }
    }
    return e;
  }

  /** A builder for an engine of one's own (tests, diagnostics). */
  public static Builder builder() {
    return new Builder();
  }

  /** The Truffle runtime's name: {@value #INTERPRETED_RUNTIME} without the JIT. */
  public String runtimeName() {
    return engine.getImplementationName();
  }

  /** Whether guest code is JIT-compiled (an optimizing Truffle runtime is active). */
  public boolean optimizing() {
    return !INTERPRETED_RUNTIME.equals(runtimeName());
  }

  /** How stores of this engine access linear memory. */
  public MemoryAccess memoryAccess() {
    return memoryAccess;
  }

  /**
   * The imports, exports and memories {@code wasm} declares, read without compiling it.
   *
   * @throws WasmCompileException if the bytes are not a core module
   */
  public static ModuleInfo describe(String name, byte[] wasm) {
    return WasmBinary.read(name, wasm);
  }

  /** Compiles a core module with no memory cap beyond its own maxima. */
  public CoreModule compile(String name, byte[] wasm) {
    return compile(name, wasm, -1);
  }

  /**
   * Compiles a core module once, for instantiation in any store of this engine: reads its imports
   * and exports, lowers the maximum of every memory it defines to {@code maxMemoryBytes} (rounded
   * down to pages; negative for no cap), and has GraalWasm parse and validate it, which fills the
   * engine's code cache for later instantiations.
   *
   * @throws WasmCompileException if the bytes are not a valid core module, or a memory's initial
   *     size is over the cap
   */
  public CoreModule compile(String name, byte[] wasm, long maxMemoryBytes) {
    Objects.requireNonNull(name, "name");
    ModuleInfo info = WasmBinary.read(name, wasm);
    byte[] bytes = wasm;
    if (maxMemoryBytes >= 0) {
      bytes = WasmBinary.capMemories(name, wasm, maxMemoryBytes / MemoryLimits.PAGE_SIZE);
    }
    Source source = Source.newBuilder("wasm", ByteSequence.create(bytes.clone()), name).buildLiteral();
    try (Context validation = newContext()) {
      validation.eval(source);
    } catch (PolyglotException e) {
      if (e.isGuestException() || e.isSyntaxError()) {
        throw new WasmCompileException(name, e.getMessage(), e);
      }
      throw e;
    }
    return new CoreModule(name, source, info, maxMemoryBytes);
  }

  /** A new store: one isolated context in which core instances can link to each other. */
  public CoreStore newStore() {
    return new CoreStore(this, newContext());
  }

  Context newContext() {
    Context.Builder cb =
        Context.newBuilder("wasm")
            .engine(engine)
            .allowHostAccess(NO_HOST_ACCESS)
            .allowHostClassLookup(className -> false)
            .allowIO(IOAccess.NONE)
            .allowNativeAccess(false)
            .allowCreateThread(false)
            .allowCreateProcess(false)
            .allowEnvironmentAccess(EnvironmentAccess.NONE);
    if (memoryAccess == MemoryAccess.DIRECT) {
      // WebAssembly.mem_as_byte_buffer lives in the polyglot bindings; only wasm may use them
      cb.allowPolyglotAccess(PolyglotAccess.newBuilder().allowBindingsAccess("wasm").build());
    } else {
      cb.allowPolyglotAccess(PolyglotAccess.NONE)
          .sandbox(SandboxPolicy.CONSTRAINED)
          .out(OutputStream.nullOutputStream())
          .err(OutputStream.nullOutputStream());
    }
    return cb.build();
  }

  /** Closes the Truffle engine; its stores must be closed first. */
  @Override
  public void close() {
    if (this == shared) {
      throw new IllegalStateException("the shared engine is never closed");
    }
    engine.close();
  }

  /** Settings of an engine. */
  public static final class Builder {
    private MemoryAccess memoryAccess = MemoryAccess.DIRECT;
    private final Map<String, String> options = new LinkedHashMap<>();
    private OutputStream logHandler;

    private Builder() {}

    /** How the host accesses linear memory (default {@link MemoryAccess#DIRECT}). */
    public Builder memoryAccess(MemoryAccess access) {
      this.memoryAccess = Objects.requireNonNull(access);
      return this;
    }

    /**
     * A stable Truffle engine option, e.g. {@code engine.TraceCompilation=true} (experimental
     * options are refused: they are only allowed for the memory options above).
     */
    public Builder option(String key, String value) {
      options.put(key, value);
      return this;
    }

    /** Where Truffle's log (compilation traces, the interpreter-only warning) goes. */
    public Builder logHandler(OutputStream out) {
      this.logHandler = out;
      return this;
    }

    /** The engine. */
    public GraalWasmEngine build() {
      return new GraalWasmEngine(this);
    }
  }
}
