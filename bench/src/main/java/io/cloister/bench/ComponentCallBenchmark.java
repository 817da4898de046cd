package io.cloister.bench;

import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Calls into real fixture components (compiled by Chicory): the call overhead of the adder's u32
 * {@code add}, a string round trip, a 64 KiB {@code list<u8>} round trip (through the Rust lists
 * fixture, and through a minimal WAT echo that isolates the host's cost), and instantiating each
 * fixture once compiled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ComponentCallBenchmark {

  /** One instance of each component the call benchmarks use. */
  @State(Scope.Thread)
  public static class Calls {
    /** The core engine (ADR 0008). */
    @Param({"chicory", "graalwasm"})
    public String engine;

    ComponentFunction add;
    ComponentFunction roundtripString;
    ComponentFunction roundtripBytes;
    ComponentFunction echoBytes;
    List<Value> addArgs;
    List<Value> stringArgs;
    List<Value> bytesArgs;

    @Setup(Level.Trial)
    public void setup() throws ComponentLinkException {
      EngineOptions options = FixtureHost.engine(engine);
      Component adder = FixtureHost.compile("adder.component.wasm", options);
      add = new Linker<Void>().instantiate(adder).exportedFunction("docs:adder/add@0.1.0#add");
      addArgs = List.of(new Value.U32(40), new Value.U32(2));

      Component strings = FixtureHost.compile("strings.component.wasm", options);
      roundtripString = FixtureHost.stubbed(strings).instantiate(strings).exportedFunction("roundtrip");
      stringArgs = List.of(new Value.Str("hello, Cloister ⚑ 🚀"));

      Component lists = FixtureHost.compile("lists.component.wasm", options);
      ComponentInstance l = FixtureHost.stubbed(lists).instantiate(lists);
      roundtripBytes = l.exportedFunction("test:lists/test", "list-roundtrip");
      byte[] payload = new byte[64 * 1024];
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) i;
      }
      bytesArgs = List.of(new Value.Bytes(payload));

      // the hand-written WAT echo (one memory.copy in the guest): the host's own list<u8> cost
      Component echo =
          FixtureHost.compileProjectFixture("bench/build/bytes-echo.component.wasm", options);
      echoBytes = new Linker<Void>().instantiate(echo).exportedFunction("echo");
    }
  }

  /** A compiled fixture and a linker for it. */
  @State(Scope.Thread)
  public static class Instantiation {
    @Param({
      "adder.component.wasm",
      "numbers.component.wasm",
      "strings.component.wasm",
      "lists.component.wasm",
      "records.component.wasm",
      "variants.component.wasm",
      "flavorful.component.wasm",
      "many-arguments.component.wasm",
      "resources.component.wasm",
      "simple-nested.component.wasm"
    })
    public String fixture;

    /** The per-instance memory cap: none (the library default) or serve's default. */
    @Param({"none", "256m"})
    public String maxMemory;

    /** The core engine (ADR 0008). */
    @Param({"chicory", "graalwasm"})
    public String engine;

    Component component;
    Linker<Void> linker;

    @Setup(Level.Trial)
    public void setup() {
      EngineOptions options = FixtureHost.engine(engine);
      if (maxMemory.equals("256m")) {
        options = options.withMaxMemory(256L << 20);
      }
      component = FixtureHost.compile(fixture, options);
      linker = FixtureHost.stubbed(component);
    }
  }

  @Benchmark
  public List<Value> addU32(Calls c) {
    return c.add.call(c.addArgs);
  }

  @Benchmark
  public List<Value> stringRoundTrip(Calls c) {
    return c.roundtripString.call(c.stringArgs);
  }

  @Benchmark
  public List<Value> bytes64KiBRoundTrip(Calls c) {
    return c.roundtripBytes.call(c.bytesArgs);
  }

  @Benchmark
  public List<Value> bytes64KiBEcho(Calls c) {
    return c.echoBytes.call(c.bytesArgs);
  }

  /** Instantiates and closes (which frees GraalWasm's context; nothing on Chicory). */
  @Benchmark
  public int instantiate(Instantiation i) throws ComponentLinkException {
    try (ComponentInstance instance = i.linker.instantiate(i.component)) {
      return instance.exports().exports().size();
    }
  }
}
