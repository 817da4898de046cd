package io.cloister.component.bind;

import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Conversions between dynamic {@link Value}s and the Java types of generated bindings. Lifting
 * trusts the value's shape: the linker has checked every import's type before a guest can call it,
 * so a mismatch here is a bug in the glue and fails with {@link ClassCastException}.
 */
public final class Values {
  private Values() {}

  /** A {@code list<u8>}, from either representation. */
  public static byte[] bytes(Value v) {
    if (v instanceof Value.Bytes b) {
      return b.value();
    }
    List<Value> elements = ((Value.ListValue) v).elements();
    byte[] out = new byte[elements.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((Value.U8) elements.get(i)).value();
    }
    return out;
  }

  /** A {@code list<T>} lifted element by element. */
  public static <X> List<X> list(Value v, Function<Value, X> lift) {
    if (v instanceof Value.Bytes b) {
      List<X> out = new ArrayList<>(b.value().length);
      for (byte x : b.value()) {
        out.add(lift.apply(new Value.U8(x & 0xff)));
      }
      return Collections.unmodifiableList(out);
    }
    List<Value> elements = ((Value.ListValue) v).elements();
    List<X> out = new ArrayList<>(elements.size());
    for (Value e : elements) {
      out.add(lift.apply(e));
    }
    return Collections.unmodifiableList(out);
  }

  /** A {@code list<T>} lowered element by element. */
  public static <X> Value list(List<X> xs, Function<? super X, Value> lower) {
    List<Value> out = new ArrayList<>(xs.size());
    for (X x : xs) {
      out.add(lower.apply(x));
    }
    return new Value.ListValue(out);
  }

  /** An {@code option<T>}. */
  public static <X> Optional<X> option(Value v, Function<Value, X> lift) {
    return ((Value.OptionValue) v).value().map(lift);
  }

  /** An {@code option<T>} lowered. */
  public static <X> Value option(Optional<X> x, Function<? super X, Value> lower) {
    return new Value.OptionValue(x.map(lower));
  }

  /** A {@code result<T, E>}; a null function stands for a side without payload. */
  public static <A, B> Result<A, B> result(
      Value v, Function<Value, A> ok, Function<Value, B> err) {
    Value.ResultValue r = (Value.ResultValue) v;
    if (r.isOk()) {
      return new Result.Ok<>(ok == null ? null : ok.apply(r.payload().orElseThrow()));
    }
    return new Result.Err<>(err == null ? null : err.apply(r.payload().orElseThrow()));
  }

  /** A {@code result<T, E>} lowered; a null function stands for a side without payload. */
  public static <A, B> Value result(
      Result<A, B> r, Function<? super A, Value> ok, Function<? super B, Value> err) {
    return switch (r) {
      case Result.Ok<A, B> o ->
          new Value.ResultValue(
              true, ok == null ? Optional.empty() : Optional.of(ok.apply(o.value())));
      case Result.Err<A, B> e ->
          new Value.ResultValue(
              false, err == null ? Optional.empty() : Optional.of(err.apply(e.error())));
    };
  }

  /** The bits of a {@code flags} value: bit i is set when the flag of ordinal i is in the set. */
  public static long flags(Set<? extends Enum<?>> set) {
    long bits = 0;
    for (Enum<?> f : set) {
      bits |= 1L << f.ordinal();
    }
    return bits;
  }

  /** The set of a {@code flags} value's bits. */
  public static <F extends Enum<F>> EnumSet<F> flags(long bits, Class<F> type) {
    EnumSet<F> out = EnumSet.noneOf(type);
    for (F f : type.getEnumConstants()) {
      if ((bits & (1L << f.ordinal())) != 0) {
        out.add(f);
      }
    }
    return out;
  }

  /** An {@code own<R>} of resource type {@code t}. */
  public static Value own(ResourceType t, Own<?> h) {
    return new Value.ResourceValue(t, h.rep(), true);
  }

  /** A {@code borrow<R>} of resource type {@code t}. */
  public static Value borrow(ResourceType t, Borrow<?> h) {
    return new Value.ResourceValue(t, h.rep(), false);
  }

  /** The owned handle a resource value carries. */
  public static <R> Own<R> own(Value v) {
    return new Own<>(((Value.ResourceValue) v).rep());
  }

  /** The borrowed handle a resource value carries. */
  public static <R> Borrow<R> borrow(Value v) {
    return new Borrow<>(((Value.ResourceValue) v).rep());
  }
}
