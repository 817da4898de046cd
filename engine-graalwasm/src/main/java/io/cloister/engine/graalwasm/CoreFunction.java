package io.cloister.engine.graalwasm;

import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** An exported function: callable from the host with core values, or importable by another instance. */
public final class CoreFunction implements CoreExtern {
  private final CoreInstance owner;
  private final String name;
  private final FuncType type;
  private final Value value;
  private final ValType[] params;
  private final ValType[] results;

  CoreFunction(CoreInstance owner, String name, FuncType type, Value value) {
    this.owner = owner;
    this.name = name;
    this.type = type;
    this.value = value;
    this.params = type.params().toArray(ValType[]::new);
    this.results = type.results().toArray(ValType[]::new);
  }

  @Override
  public CoreInstance owner() {
    return owner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExternKind kind() {
    return ExternKind.FUNCTION;
  }

  @Override
  public Value value() {
    return value;
  }

  /** Its type, as its module declares it. */
  public FuncType type() {
    return type;
  }

  /**
   * Calls it with one core value per parameter (see {@link HostFunction} for the encoding).
   *
   * @return one core value per result
   * @throws WasmTrapException if the guest traps
   * @throws WasmInterruptedException if the call is interrupted or its store cancelled
   * @throws RuntimeException what a host function it called threw, unchanged
   */
  public long[] call(long... args) {
    if (args.length != params.length) {
      throw new IllegalArgumentException(
          owner.module().name() + ": " + name + " takes " + params.length + " arguments " + type + ", given " + args.length);
    }
    if (!type.numbersOnly()) {
      throw new UnsupportedOperationException(
          owner.module().name() + ": " + name + " has non-numeric types " + type);
    }
    CoreStore.checkThread(owner.module().name(), name);
    Object[] boxed = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      boxed[i] = Values.box(params[i], args[i]);
    }
    Value r;
    try {
      r = value.execute(boxed);
    } catch (PolyglotException e) {
      throw owner.store().translate(e, owner.module().name(), name);
    } catch (IllegalStateException e) {
      throw owner.store().closedOr(e, owner.module().name(), name);
    }
    return switch (results.length) {
      case 0 -> new long[0];
      case 1 -> new long[] {Values.unbox(results[0], r)};
      default -> {
        long[] out = new long[results.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = Values.unbox(results[i], r.getArrayElement(i));
        }
        yield out;
      }
    };
  }

  /** Calls it and returns its single result. */
  public long call1(long... args) {
    long[] r = call(args);
    if (r.length != 1) {
      throw new IllegalStateException(name + " returns " + r.length + " values, not one");
    }
    return r[0];
  }

  List<ValType> paramTypes() {
    return type.params();
  }

  @Override
  public String toString() {
    return owner.module().name() + "." + name + type;
  }
}
