package io.cloister.component.abi;

import io.cloister.component.types.FuncType;
import io.cloister.component.types.Param;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Canonical ABI of one component function type, computed once: its flattened core signatures
 * and the codecs that move its parameters and result. Immutable and thread-safe; the runtime keeps
 * one per function and passes a fresh {@link CallContext} to each call.
 */
public final class CallPlan {
  /** The spec's {@code MAX_FLAT_PARAMS}. */
  public static final int MAX_FLAT_PARAMS = 16;

  /** The spec's {@code MAX_FLAT_RESULTS}. */
  public static final int MAX_FLAT_RESULTS = 1;

  private final FuncType type;
  private final Codec[] params;
  private final int[] paramFlatOffsets;
  private final int flatParamCount;
  private final Codec result;
  private final RecordCodec spilledParams;
  private final boolean spillResult;
  private final CoreSignature liftSignature;
  private final CoreSignature lowerSignature;

  private CallPlan(FuncType type) {
    this.type = type;
    List<Param> ps = type.params();
    this.params = new Codec[ps.size()];
    this.paramFlatOffsets = new int[ps.size()];
    List<FlatType> flatParams = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      params[i] = Codecs.of(ps.get(i).type());
      paramFlatOffsets[i] = flatParams.size();
      flatParams.addAll(Arrays.asList(params[i].flat));
    }
    this.flatParamCount = flatParams.size();
    this.spilledParams =
        flatParamCount > MAX_FLAT_PARAMS ? RecordCodec.of("params", List.of(params), true) : null;
    this.result = type.result().map(Codecs::of).orElse(null);
    List<FlatType> flatResults = result == null ? List.of() : Arrays.asList(result.flat);
    this.spillResult = flatResults.size() > MAX_FLAT_RESULTS;

    List<FlatType> coreParams = spilledParams != null ? List.of(FlatType.I32) : flatParams;
    this.liftSignature =
        new CoreSignature(coreParams, spillResult ? List.of(FlatType.I32) : flatResults);
    List<FlatType> lowerParams = new ArrayList<>(coreParams);
    if (spillResult) {
      lowerParams.add(FlatType.I32);
    }
    this.lowerSignature = new CoreSignature(lowerParams, spillResult ? List.of() : flatResults);
  }

  /** The plan of {@code type}. Building one walks the type; keep it per function. */
  public static CallPlan of(FuncType type) {
    return new CallPlan(Objects.requireNonNull(type, "type"));
  }

  /** The function type this plan is for. */
  public FuncType type() {
    return type;
  }

  /** The core signature of the guest function a {@code canon lift} wraps (an export's core func). */
  public CoreSignature liftSignature() {
    return liftSignature;
  }

  /** The core signature of the function a {@code canon lower} gives the guest (an import). */
  public CoreSignature lowerSignature() {
    return lowerSignature;
  }

  /**
   * Host calls a guest export: lowers the arguments to the core arguments of the lifted core
   * function, spilling them to memory allocated with {@code realloc} past {@value
   * #MAX_FLAT_PARAMS} flat values.
   */
  public long[] lowerArguments(List<Value> args, CallContext cx) {
    checkArity(args);
    if (spilledParams != null) {
      int ptr = cx.allocate(spilledParams.alignment, spilledParams.size, "spilled parameters");
      spilledParams.storeAll(cx, args, ptr);
      return new long[] {ptr};
    }
    long[] out = new long[flatParamCount];
    for (int i = 0; i < params.length; i++) {
      params[i].lowerFlat(cx, args.get(i), out, paramFlatOffsets[i]);
    }
    return out;
  }

  /**
   * Host calls a guest export: lifts the core results (reading through the return pointer when the
   * result does not fit one flat value), then runs {@code post-return} and ends the call ({@link
   * CallContext#exit()}).
   */
  public List<Value> liftResults(long[] coreResults, CallContext cx) {
    List<Value> out;
    if (result == null) {
      out = List.of();
    } else if (spillResult) {
      int ptr = (int) coreResults[0];
      cx.checkRange(ptr, result.size, result.alignment, "result");
      out = List.of(result.load(cx, ptr));
    } else {
      out = List.of(result.liftFlat(cx, coreResults, 0));
    }
    PostReturn postReturn = cx.options().postReturn();
    if (postReturn != null) {
      postReturn.call(coreResults);
    }
    cx.exit();
    return out;
  }

  /**
   * Guest calls a host import: lifts the core arguments (reading the spilled tuple when the
   * parameters were passed through memory). The trailing return pointer, if any, is left for
   * {@link #lowerResults}.
   */
  public List<Value> liftArguments(long[] coreArgs, CallContext cx) {
    if (spilledParams != null) {
      int ptr = (int) coreArgs[0];
      cx.checkRange(ptr, spilledParams.size, spilledParams.alignment, "spilled parameters");
      return List.of(spilledParams.loadAll(cx, ptr));
    }
    Value[] out = new Value[params.length];
    for (int i = 0; i < params.length; i++) {
      out[i] = params[i].liftFlat(cx, coreArgs, paramFlatOffsets[i]);
    }
    return List.of(out);
  }

  /**
   * Guest calls a host import: lowers the host's results to the core results, or into the
   * caller's return area (the last core argument) when they do not fit one flat value; then ends
   * the call ({@link CallContext#exit()}), releasing handles the guest lent.
   */
  public long[] lowerResults(List<Value> results, long[] coreArgs, CallContext cx) {
    long[] out;
    if (result == null) {
      if (!results.isEmpty()) {
        throw new ValueMismatchException("the function has no result, got " + results);
      }
      out = new long[0];
    } else {
      if (results.size() != 1) {
        throw new ValueMismatchException("the function has one result, got " + results);
      }
      if (spillResult) {
        int ptr = (int) coreArgs[coreArgs.length - 1];
        cx.checkRange(ptr, result.size, result.alignment, "return area");
        result.store(cx, results.get(0), ptr);
        out = new long[0];
      } else {
        out = new long[result.flat.length];
        result.lowerFlat(cx, results.get(0), out, 0);
      }
    }
    cx.exit();
    return out;
  }

  private void checkArity(List<Value> args) {
    if (args.size() != params.length) {
      throw new ValueMismatchException(
          "the function takes " + params.length + " arguments, got " + args.size());
    }
  }
}
