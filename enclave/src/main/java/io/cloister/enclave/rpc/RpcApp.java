package io.cloister.enclave.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloister.component.engine.MemoryCapExceededException;
import io.cloister.component.json.JsonCalls;
import io.cloister.component.json.JsonValueException;
import io.cloister.component.link.InstancePre;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.values.Value;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One app's exported functions, called with JSON: each call gets an instance of its own (calls
 * share nothing, as HTTP requests do not), at most {@code maxConcurrent} at once, each stopped at
 * the app's deadline. Thread-safe.
 */
public final class RpcApp {
  private final String name;
  private final WasiApp wasi;
  private final InstancePre<WasiContext> linked;
  private final List<RpcFunction> functions;
  private final Duration deadline;
  private final Semaphore slots;
  private final ScheduledExecutorService timer;
  private final McpTools tools;

  /**
   * The app {@code name}, whose instances {@code linked} makes with contexts from {@code wasi};
   * deadlines are kept by {@code timer}.
   */
  public RpcApp(
      String name,
      WasiApp wasi,
      InstancePre<WasiContext> linked,
      List<RpcFunction> functions,
      Duration deadline,
      int maxConcurrent,
      ScheduledExecutorService timer) {
    this.name = name;
    this.wasi = wasi;
    this.linked = linked;
    this.functions = List.copyOf(functions);
    this.deadline = deadline;
    this.slots = new Semaphore(maxConcurrent);
    this.timer = timer;
    this.tools = new McpTools(this);
  }

  /** Its callable functions as MCP tools. */
  McpTools tools() {
    return tools;
  }

  /** The app's name. */
  public String name() {
    return name;
  }

  /** Its exported functions, callable or not. */
  public List<RpcFunction> functions() {
    return functions;
  }

  /** The imports outside WASI that this app's instances get as trapping functions. */
  public List<String> deniedImports() {
    return wasi.deniedImports();
  }

  /** The exported function {@code function}, if the app has it. */
  public Optional<RpcFunction> function(String function) {
    return functions.stream().filter(f -> f.name().equals(function)).findFirst();
  }

  /**
   * Calls {@code function} with named JSON parameters ({@code null} for none) and returns its
   * result as JSON ({@code null} for a function without result).
   *
   * @throws RpcException naming what is wrong: an unknown function, an argument (with its JSON
   *     path), a trap, the deadline, or the app being busy
   */
  public JsonNode call(String function, JsonNode params) throws RpcException {
    RpcFunction fn =
        function(function)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcException.Kind.NOT_FOUND,
                        null,
                        "the app '" + name + "' exports no function '" + function + "'; it exports "
                            + functions.stream().map(RpcFunction::name).toList()));
    if (!fn.callable()) {
      throw new RpcException(
          RpcException.Kind.BAD_ARGUMENTS, null, fn.name() + " cannot be called with JSON: "
              + fn.uncallable().get());
    }
    List<Value> args;
    try {
      args = JsonCalls.arguments(fn.type(), params);
    } catch (JsonValueException e) {
      throw new RpcException(RpcException.Kind.BAD_ARGUMENTS, e.path(), e.getMessage());
    }
    if (!slots.tryAcquire()) {
      throw new RpcException(
          RpcException.Kind.BUSY, null, "the app '" + name + "' is running as many calls as it may");
    }
    try {
      return run(fn, args);
    } finally {
      slots.release();
    }
  }

  private JsonNode run(RpcFunction fn, List<Value> args) throws RpcException {
    ComponentInstance instance;
    try {
      instance = linked.instantiate(wasi.newContext());
    } catch (MemoryCapExceededException e) {
      throw new RpcException(RpcException.Kind.TRAPPED, null, e.getMessage());
    } catch (RuntimeException e) {
      throw new RpcException(
          RpcException.Kind.TRAPPED, null, "the app's instance trapped at start: " + e.getMessage());
    }
    Deadline watch = new Deadline(Thread.currentThread(), instance);
    ScheduledFuture<?> timeout = timer.schedule(watch::fire, deadline.toNanos(), TimeUnit.NANOSECONDS);
    try {
      List<Value> results = instance.exportedFunction(fn.name()).call(args);
      if (watch.end()) {
        throw overdue();
      }
      return JsonCalls.result(fn.type(), results);
    } catch (RuntimeException e) {
      if (watch.end()) {
        throw overdue();
      }
      throw new RpcException(RpcException.Kind.TRAPPED, null, fn.name() + " trapped: " + e.getMessage());
    } finally {
      timeout.cancel(false);
      instance.close();
    }
  }

  private RpcException overdue() {
    return new RpcException(
        RpcException.Kind.DEADLINE,
        null,
        "the call did not return within the app's deadline of " + deadline.toMillis() + " ms");
  }

  /** Stops one call at its deadline; once the call ended, nothing fires any more. */
  private static final class Deadline {
    private final Thread thread;
    private final ComponentInstance instance;
    private boolean ended;
    private boolean fired;

    Deadline(Thread thread, ComponentInstance instance) {
      this.thread = thread;
      this.instance = instance;
    }

    synchronized void fire() {
      if (!ended) {
        fired = true;
        instance.interrupt();
        thread.interrupt();
      }
    }

    /** Ends the watch; whether the deadline fired (the thread's interrupt is then cleared). */
    synchronized boolean end() {
      if (!ended) {
        ended = true;
        if (fired) {
          Thread.interrupted();
        }
      }
      return fired;
    }
  }
}
