package io.cloister.component.runtime;

import io.cloister.component.abi.CallContext;
import io.cloister.component.abi.CallPlan;
import io.cloister.component.abi.CanonOptions;
import io.cloister.component.abi.ResourceTable;
import io.cloister.component.engine.CoreFunction;
import io.cloister.component.types.FuncType;
import io.cloister.component.values.Value;
import java.util.List;

/**
 * A guest function exported through {@code canon lift}: lowers the arguments into the guest, calls
 * the core function, lifts the result and runs {@code post-return}.
 */
final class LiftedFunction implements ComponentFunction {
  private final String name;
  private final CallPlan plan;
  private final CoreFunction core;
  private final CanonOptions options;
  private final ResourceTable table;
  private final ReentranceGuard guard;

  LiftedFunction(
      String name,
      CallPlan plan,
      CoreFunction core,
      CanonOptions options,
      ResourceTable table,
      ReentranceGuard guard) {
    this.name = name;
    this.plan = plan;
    this.core = core;
    this.options = options;
    this.table = table;
    this.guard = guard;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FuncType type() {
    return plan.type();
  }

  @Override
  public List<Value> call(List<Value> args) {
    guard.enter(name);
    try {
      CallContext cx = new CallContext(options, table);
      long[] coreArgs = plan.lowerArguments(args, cx);
      long[] results = core.call(coreArgs);
      return plan.liftResults(results, cx);
    } catch (ComponentTrapException e) {
      guard.trapped(name);
      throw e;
    } catch (io.cloister.component.abi.ValueMismatchException e) {
      // arguments that do not fit the type are refused before the guest runs: no harm done
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      guard.trapped(name);
      throw Traps.wrap(name, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public String toString() {
    return "lifted " + name + ": " + plan.type();
  }
}
