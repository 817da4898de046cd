package io.cloister.engine.graalwasm;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.StampedLock;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One isolated polyglot context: the core instances of one component instance live here and may
 * import each other's exports (values of one context cannot be passed into another). Used by one
 * thread at a time; {@link #interrupt} and {@link #cancel} are for other threads.
 */
public final class CoreStore implements AutoCloseable {
  private final GraalWasmEngine engine;
  private final Context context;
  private final boolean direct;
  // Held for reading by each host access of a direct memory, for writing by close and cancel, so
  // that off-heap memory is never freed under a copy.
  private final StampedLock access = new StampedLock();
  private volatile boolean closed;
  private volatile boolean cancelling;
  private Value memAsByteBuffer;

  CoreStore(GraalWasmEngine engine, Context context) {
    this.engine = engine;
    this.context = context;
    this.direct = engine.memoryAccess() == GraalWasmEngine.MemoryAccess.DIRECT;
  }

  /** The engine it belongs to. */
  public GraalWasmEngine engine() {
    return engine;
  }

  /** Whether it is closed (or was cancelled). */
  public boolean closed() {
    return closed;
  }

  /**
   * Instantiates {@code module} in this store, runs its start function, and returns the instance.
   * Every import the module declares must be given, of its kind (a function of its exact type);
   * imports given but not declared are ignored.
   *
   * @throws WasmLinkException if an import is missing or does not match, or instantiation fails
   *     (a trap in the start function included)
   */
  public CoreInstance instantiate(CoreModule module, Imports imports) {
    if (closed) {
      throw closedException(module.name(), "instantiation");
    }
    checkThread(module.name(), "instantiation");
    Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
    for (ModuleInfo.Import imp : module.info().imports()) {
      String what = "import " + quote(imp.module()) + "." + quote(imp.name());
      Object given =
          imports
              .get(imp.module(), imp.name())
              .orElseThrow(
                  () -> new WasmLinkException(module.name(), what + " (" + imp.kind() + ") is not given", null));
      Object value =
          switch (given) {
            case Imports.Host h -> {
              if (imp.kind() != ExternKind.FUNCTION) {
                throw new WasmLinkException(module.name(), what + " is a " + imp.kind() + ", given a host function", null);
              }
              requireType(module, what, imp, h.type());
              yield hostFunction(imp.module() + "." + imp.name(), h);
            }
            case CoreExtern x -> {
              if (x.owner().store() != this) {
                throw new WasmLinkException(
                    module.name(), what + " is given " + x.owner().module().name() + "." + x.name() + " of another store", null);
              }
              if (x.kind() != imp.kind()) {
                throw new WasmLinkException(module.name(), what + " is a " + imp.kind() + ", given a " + x.kind(), null);
              }
              if (x instanceof CoreFunction f) {
                requireType(module, what, imp, f.type());
              }
              yield x.value();
            }
            default -> throw new IllegalStateException("unexpected import value " + given);
          };
      resolved.computeIfAbsent(imp.module(), k -> new HashMap<>()).put(imp.name(), value);
    }
    Map<String, Object> importObject = new HashMap<>();
    resolved.forEach((name, fields) -> importObject.put(name, ProxyObject.fromMap(fields)));
    try {
      Value instance = context.eval(module.source()).newInstance(ProxyObject.fromMap(importObject));
      return new CoreInstance(this, module, instance.getMember("exports"), direct);
    } catch (PolyglotException e) {
      if (e.isHostException() || e.isCancelled() || e.isInterrupted()) {
        throw translate(e, module.name(), "start");
      }
      throw new WasmLinkException(module.name(), e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw closedOr(e, module.name(), "instantiation");
    }
  }

  /**
   * Interrupts the call running in this store on another thread: it ends with a {@link
   * WasmInterruptedException}, and the store stays usable. Returns at once if nothing runs.
   *
   * @param timeout how long to wait for the call to stop (positive)
   * @return whether it stopped within {@code timeout}
   */
  public boolean interrupt(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive (zero waits forever): " + timeout);
    }
    if (closed) {
      return true;
    }
    try {
      context.interrupt(timeout);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /**
   * Cancels whatever runs in this store (from another thread) and closes it: the running call ends
   * with a {@link WasmInterruptedException} whose {@code cancelled()} is true; the store is dead.
   */
  public void cancel() {
    cancelling = true;
    long stamp = access.writeLock();
    try {
      if (!closed) {
        closed = true;
        context.close(true);
      }
    } catch (PolyglotException e) {
      if (!e.isCancelled()) {
        throw e;
      }
    } finally {
      access.unlockWrite(stamp);
    }
  }

  /** Closes the store and frees its memories; a call still running is an error (use cancel). */
  @Override
  public void close() {
    long stamp = access.writeLock();
    try {
      if (!closed) {
        context.close();
        closed = true;
      }
    } catch (PolyglotException e) {
      if (!e.isCancelled()) {
        throw e;
      }
      closed = true;
    } finally {
      access.unlockWrite(stamp);
    }
  }

  // ---- for the store's externs ----

  long beginAccess(String module, String memory) {
    long stamp = access.tryReadLock();
    if (stamp == 0L || closed) {
      if (stamp != 0L) {
        access.unlockRead(stamp);
      }
      throw closedException(module, memory);
    }
    return stamp;
  }

  void endAccess(long stamp) {
    access.unlockRead(stamp);
  }

  /** GraalWasm's direct buffer on {@code memory} (big-endian as it comes). */
  ByteBuffer byteBuffer(Value memory) {
    if (memAsByteBuffer == null) {
      Value webAssembly = context.getPolyglotBindings().getMember("WebAssembly");
      if (webAssembly == null) {
        throw new IllegalStateException("GraalWasm's WebAssembly object is not in the polyglot bindings");
      }
      memAsByteBuffer = webAssembly.getMember("mem_as_byte_buffer");
    }
    return memAsByteBuffer.execute(memory).as(ByteBuffer.class);
  }

  /** The exception a failed call of {@code function} in {@code module} surfaces as. */
  RuntimeException translate(PolyglotException e, String module, String function) {
    if (e.isHostException()) {
      Throwable host = e.asHostException();
      if (host instanceof RuntimeException re) {
        return re;
      }
      if (host instanceof Error err) {
        throw err;
      }
      return new WasmTrapException(module, function, "host function threw " + host, host);
    }
    if (e.isCancelled() || (cancelling && e.isInterrupted())) {
      return new WasmInterruptedException(module, function, true, e);
    }
    if (e.isInterrupted()) {
      return new WasmInterruptedException(module, function, false, e);
    }
    if (e.isInternalError()) {
      return new IllegalStateException(module + ": " + function + ": GraalWasm internal error: " + e.getMessage(), e);
    }
    return new WasmTrapException(module, function, e.getMessage(), e);
  }

  RuntimeException closedOr(IllegalStateException e, String module, String what) {
    return closed ? closedException(module, what) : e;
  }

  private RuntimeException closedException(String module, String what) {
    if (cancelling) {
      return new WasmInterruptedException(module, what, true, null);
    }
    return new IllegalStateException(module + ": " + what + ": the store is closed");
  }

  /**
   * Refuses the common ForkJoinPool's workers: Truffle's per-thread state of a context does not
   * survive there from one task to the next (a later call neither polls for interrupts nor runs
   * compiled code, then fails with "TruffleSafepoint mechanism is not initialized on this thread").
   * Platform threads, virtual threads and pools of one's own are fine.
   */
  static void checkThread(String module, String what) {
    if (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()) {
      throw new IllegalStateException(
          module + ": " + what + ": GraalWasm cannot run on ForkJoinPool.commonPool() threads"
              + " (Truffle loses their per-thread state between tasks): use an executor of your own");
    }
  }

  private static void requireType(CoreModule module, String what, ModuleInfo.Import imp, FuncType given) {
    FuncType declared = imp.type().orElse(null);
    if (!given.equals(declared)) {
      throw new WasmLinkException(
          module.name(), what + " is declared " + declared + ", given a function of type " + given, null);
    }
  }

  private static ProxyExecutable hostFunction(String name, Imports.Host h) {
    ValType[] params = h.type().params().toArray(ValType[]::new);
    ValType[] results = h.type().results().toArray(ValType[]::new);
    HostFunction fn = h.function();
    return args -> {
      long[] raw = new long[params.length];
      for (int i = 0; i < params.length; i++) {
        raw[i] = Values.unbox(params[i], args[i]);
      }
      long[] out = fn.call(raw);
      int n = out == null ? 0 : out.length;
      if (n != results.length) {
        throw new IllegalStateException(
            "host function " + name + " returned " + n + " values, its type " + h.type() + " has " + results.length);
      }
      if (results.length == 0) {
        return null;
      }
      if (results.length == 1) {
        return Values.box(results[0], out[0]);
      }
      Object[] boxed = new Object[results.length];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = Values.box(results[i], out[i]);
      }
      return ProxyArray.fromArray(boxed);
    };
  }

  private static String quote(String s) {
    return s.isEmpty() ? "\"\"" : s;
  }
}
