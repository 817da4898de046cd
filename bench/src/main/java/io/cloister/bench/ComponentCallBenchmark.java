package io.cloister.bench;

import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole component call from Java: {@code docs:adder/add@0.1.0#add} of the shared adder fixture
 * (lower two u32, core call, lift the result), and a fresh instance of the compiled component, on
 * the Chicory compiler and interpreter. Reads the fixture from {@code -Dcloister.shared.dir}
 * (default {@code ../shared}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ComponentCallBenchmark {
  @Param({"compiled", "interpreted"})
  public String engine;

  private Component component;
  private ComponentFunction add;
  private final List<Value> args = List.of(new Value.U32(40), new Value.U32(2));

  @Setup
  public void setup() throws Exception {
    Path fixture =
        Path.of(System.getProperty("cloister.shared.dir", "../shared"), "fixtures", "components", "adder.component.wasm");
    component =
        Component.compile(
            Files.readAllBytes(fixture),
            engine.equals("compiled") ? EngineOptions.compiled() : EngineOptions.interpreted());
    add = new Linker().instantiate(component).exportedFunction("docs:adder/add@0.1.0#add");
  }

  @Benchmark
  public List<Value> callAdd() {
    return add.call(args);
  }

  @Benchmark
  public Object instantiate() throws Exception {
    return new Linker().instantiate(component);
  }
}
