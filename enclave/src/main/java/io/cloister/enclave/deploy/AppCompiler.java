package io.cloister.enclave.deploy;

import io.cloister.artifact.CodeHash;
import io.cloister.artifact.cache.CacheKey;
import io.cloister.artifact.cache.ChicoryClassCache;
import io.cloister.artifact.cache.CompiledCodeCache;
import io.cloister.artifact.compile.EngineId;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.engine.chicory.ChicoryEngine;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.serve.guest.ComponentGuests;
import io.cloister.serve.guest.GuestInstantiationException;
import io.cloister.component.link.ComponentLinkException;
import io.cloister.wasi.Capability;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import io.cloister.component.link.InstancePre;
import io.cloister.serve.guest.GuestFactory;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.http.IncomingHandlerExport;
import io.cloister.engine.graalwasm.component.EngineChoice;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Compiles a component for the enclave, always from its wasm bytes (the enclave never runs code it
 * did not generate itself), and links it with the WASI its capabilities grant.
 */
public final class AppCompiler {
  /**
   * Under the automatic choice, components at least this large run on GraalWasm: it compiles a
   * large component far sooner than Chicory generates its bytecode, and then serves it faster too
   * (ADR 0012); small ones start sooner on Chicory.
   */
  public static final int LARGE_COMPONENT_BYTES = 4 << 20;

  private final Optional<EngineChoice> defaultEngine;
  private final long maxMemoryBytes;
  private final Consumer<String> warnings;
  private final Optional<CompiledCodeCache> codeCache;
  private final Map<String, EngineOptions> engines = new ConcurrentHashMap<>();

  /**
   * Compiles on {@code defaultEngine} (empty: chosen by size, {@link #LARGE_COMPONENT_BYTES})
   * unless a deployment names another ({@link EngineChoice#NAMES}), each instance capped at
   * {@code maxMemoryBytes} of linear memory; an engine
   * that cannot run at full speed here says so to {@code warnings} (ADR 0008). Chicory's generated
   * classes go to {@code codeCache} when there is one (it must authenticate its entries: a class
   * the enclave defines must be one its own compiler wrote), so a restart does not recompile.
   */
  public AppCompiler(
      Optional<EngineChoice> defaultEngine,
      long maxMemoryBytes,
      Optional<CompiledCodeCache> codeCache,
      Consumer<String> warnings) {
    this.defaultEngine = defaultEngine;
    this.maxMemoryBytes = maxMemoryBytes;
    this.codeCache = codeCache;
    this.warnings = warnings;
  }

  /**
   * The engine a deployment of a component of {@code componentBytes} bytes runs on: the one it
   * names, else the enclave's, else the one its size calls for.
   */
  public String engineFor(Optional<String> named, int componentBytes) {
    if (named.isPresent()) {
      return named.get();
    }
    EngineChoice choice =
        defaultEngine.orElse(
            componentBytes >= LARGE_COMPONENT_BYTES ? EngineChoice.GRAALWASM : EngineChoice.CHICORY);
    return choice.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The most linear memory an instance may hold; an app may ask for less, never more. */
  public long maxMemoryBytes() {
    return maxMemoryBytes;
  }

  private EngineOptions engine(String name, byte[] componentBytes, long memoryCap) {
    EngineChoice choice = EngineChoice.parse(name);
    if (choice == EngineChoice.CHICORY && codeCache.isPresent()) {
      CacheKey key = new CacheKey(EngineId.CHICORY.text(), CodeHash.of(componentBytes));
      return new EngineOptions(
          ChicoryEngine.compiled(new ChicoryClassCache(codeCache.get(), key)), memoryCap);
    }
    return engines
        .computeIfAbsent(name, n -> new EngineOptions(choice.engine(warnings), maxMemoryBytes))
        .withMaxMemory(memoryCap);
  }

  /**
   * Compiles {@code componentBytes} for the app {@code host} configures, on the engine {@code
   * engineName}, each instance capped at {@code memoryCap} bytes of linear memory (at most {@link
   * #maxMemoryBytes()}).
   *
   * @throws DeploymentException of kind INVALID_ARTIFACT if the bytes are not a valid component,
   *     its imports cannot be linked, it does not instantiate, or it offers neither an incoming
   *     handler nor exported functions
   */
  public CompiledApp compile(
      byte[] componentBytes, WasiHost host, String engineName, Optional<Long> memoryCap)
      throws DeploymentException {
    if (memoryCap.isPresent() && memoryCap.get() > maxMemoryBytes) {
      throw new DeploymentException(
          DeploymentException.Kind.INVALID_SPEC,
          "limits.maxMemoryBytes",
          memoryCap.get() + " bytes is more than this enclave allows an instance: " + maxMemoryBytes,
          null);
    }
    Component component;
    try {
      component =
          Component.compile(
              componentBytes,
              engine(engineName, componentBytes, memoryCap.orElse(maxMemoryBytes)));
    } catch (ComponentDecodeException e) {
      throw invalid("not a valid component: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw invalid("the component cannot be compiled: " + e.getMessage(), e);
    }
    if (component.type().exports().isEmpty()) {
      throw invalid(
          "the component exports nothing: an app exports wasi:http/incoming-handler, functions, or"
              + " both",
          null);
    }
    // Imports outside WASI trap when called: the app's other exports still run (ARCHITECTURE,
    // "Capabilities an app gets").
    WasiApp wasi = WasiApp.denyingUnknownImports(host, component);
    InstancePre<WasiContext> linked;
    try {
      linked = wasi.prepare(component);
    } catch (ComponentLinkException e) {
      throw invalid("the component's imports cannot be satisfied: " + e.getMessage(), e);
    }
    Optional<GuestFactory> http = Optional.empty();
    if (IncomingHandlerExport.isExportedBy(component)
        && host.capabilities().contains(Capability.HTTP_INCOMING_HANDLER)) {
      try {
        http = Optional.of(ComponentGuests.of(wasi, linked)); // linked once, above
      } catch (GuestInstantiationException e) {
        throw invalid(e.getMessage(), e);
      }
    }
    return new CompiledApp(component, wasi, linked, http);
  }

  private static DeploymentException invalid(String message, Throwable cause) {
    return new DeploymentException(DeploymentException.Kind.INVALID_ARTIFACT, null, message, cause);
  }
}
