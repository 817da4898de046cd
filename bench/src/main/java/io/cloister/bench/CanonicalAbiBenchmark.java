package io.cloister.bench;

import io.cloister.component.abi.CallContext;
import io.cloister.component.abi.CallPlan;
import io.cloister.component.abi.CanonOptions;
import io.cloister.component.abi.ResourceTable;
import io.cloister.component.engine.LinearMemory;
import io.cloister.component.engine.chicory.FlatMemory;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Canonical ABI alone, without a guest: lowering arguments and lifting them back (the work a
 * host-to-guest call does on each side) for a {@code u32} pair, a short string and a 64 KiB {@code
 * list<u8>}, on a real Chicory memory with a bump allocator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CanonicalAbiBenchmark {
  private static final int HEAP = 1024;

  private final LinearMemory memory = FlatMemory.of(4, 4);
  private final ResourceTable resources = new ResourceTable();
  private int next = HEAP;
  private CanonOptions options;
  private CallPlan add;
  private CallPlan string;
  private CallPlan bytes;
  private List<Value> addArgs;
  private List<Value> stringArgs;
  private List<Value> bytesArgs;

  @Setup
  public void setup() {
    options =
        CanonOptions.of(
            memory,
            (ptr, oldSize, align, size) -> {
              int p = (next + align - 1) & -align;
              next = p + size;
              if (next > 3 * LinearMemory.PAGE_SIZE) {
                p = HEAP; // recycle: the benchmark never keeps what it allocated
                next = p + size;
              }
              return p;
            });
    add =
        CallPlan.of(
            new FuncType(
                List.of(new Param("x", PrimitiveType.U32), new Param("y", PrimitiveType.U32)),
                Optional.of(PrimitiveType.U32)));
    string =
        CallPlan.of(
            new FuncType(List.of(new Param("s", PrimitiveType.STRING)), Optional.empty()));
    bytes =
        CallPlan.of(
            new FuncType(
                List.of(new Param("b", new ListType(PrimitiveType.U8))), Optional.empty()));
    addArgs = List.of(new Value.U32(40), new Value.U32(2));
    stringArgs = List.of(new Value.Str("hello, Cloister ⚑"));
    bytesArgs = List.of(new Value.Bytes(new byte[64 * 1024]));
  }

  private List<Value> roundTrip(CallPlan plan, List<Value> args) {
    long[] core = plan.lowerArguments(args, new CallContext(options, resources));
    return plan.liftArguments(core, new CallContext(options, resources));
  }

  @Benchmark
  public List<Value> u32Pair() {
    return roundTrip(add, addArgs);
  }

  @Benchmark
  public List<Value> string() {
    return roundTrip(string, stringArgs);
  }

  @Benchmark
  public List<Value> bytes64KiB() {
    return roundTrip(bytes, bytesArgs);
  }
}
