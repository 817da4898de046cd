package io.cloister.wasi.link;

import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads lifted arguments into Java values. A value of the wrong shape means the runtime and this
 * host disagree about a signature: that is a bug, reported as {@link IllegalArgumentException}.
 */
public final class Args {
  private Args() {}

  /** A {@code u64} (or any integer type) as a long. */
  public static long u64(Value v) {
    return switch (v) {
      case Value.U64 x -> x.value();
      case Value.S64 x -> x.value();
      case Value.U32 x -> x.asLong();
      case Value.S32 x -> x.value();
      case Value.U16 x -> x.value();
      case Value.U8 x -> x.value();
      default -> throw mismatch("integer", v);
    };
  }

  /** A {@code u32}, {@code u16} or {@code u8} as an int (u32 as its bits). */
  public static int u32(Value v) {
    return switch (v) {
      case Value.U32 x -> x.value();
      case Value.U16 x -> x.value();
      case Value.U8 x -> x.value();
      default -> throw mismatch("u32", v);
    };
  }

  /** A {@code string}. */
  public static String str(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw mismatch("string", v);
  }

  /** A {@code bool}. */
  public static boolean bool(Value v) {
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    throw mismatch("bool", v);
  }

  /** A {@code list<u8>}, either representation. */
  public static byte[] bytes(Value v) {
    return switch (v) {
      case Value.Bytes b -> b.value();
      case Value.ListValue l -> {
        byte[] out = new byte[l.elements().size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) u32(l.elements().get(i));
        }
        yield out;
      }
      default -> throw mismatch("list<u8>", v);
    };
  }

  /** A {@code list<T>}'s elements. */
  public static List<Value> list(Value v) {
    if (v instanceof Value.ListValue l) {
      return l.elements();
    }
    if (v instanceof Value.Bytes b) {
      List<Value> out = new ArrayList<>(b.value().length);
      for (byte x : b.value()) {
        out.add(new Value.U8(x & 0xff));
      }
      return out;
    }
    throw mismatch("list", v);
  }

  /** A {@code list<string>}. */
  public static List<String> strings(Value v) {
    return list(v).stream().map(Args::str).toList();
  }

  /** A tuple's or record's elements. */
  public static List<Value> tuple(Value v) {
    return switch (v) {
      case Value.TupleValue t -> t.elements();
      case Value.RecordValue r -> r.fields();
      default -> throw mismatch("tuple", v);
    };
  }

  /** An {@code option<T>}. */
  public static Optional<Value> option(Value v) {
    if (v instanceof Value.OptionValue o) {
      return o.value();
    }
    throw mismatch("option", v);
  }

  /** A variant's case index. */
  public static int caseIndex(Value v) {
    return switch (v) {
      case Value.VariantValue x -> x.caseIndex();
      case Value.EnumValue x -> x.index();
      default -> throw mismatch("variant", v);
    };
  }

  /** A variant's payload, which its case must have. */
  public static Value payload(Value v) {
    if (v instanceof Value.VariantValue x && x.payload().isPresent()) {
      return x.payload().get();
    }
    throw mismatch("variant with payload", v);
  }

  /** A {@code result}: whether it is ok. */
  public static Value.ResultValue result(Value v) {
    if (v instanceof Value.ResultValue r) {
      return r;
    }
    throw mismatch("result", v);
  }

  private static IllegalArgumentException mismatch(String expected, Value got) {
    return new IllegalArgumentException("expected " + expected + ", got " + got);
  }
}
