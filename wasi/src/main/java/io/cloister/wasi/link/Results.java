package io.cloister.wasi.link;

import io.cloister.component.values.Value;
import java.util.List;
import java.util.Optional;

/** Builds the values host functions return. */
public final class Results {
  private Results() {}

  /** No result. */
  public static final List<Value> NONE = List.of();

  /** One result. */
  public static List<Value> one(Value v) {
    return List.of(v);
  }

  /** {@code ok} without payload. */
  public static Value ok() {
    return new Value.ResultValue(true, Optional.empty());
  }

  /** {@code ok(v)}. */
  public static Value ok(Value v) {
    return new Value.ResultValue(true, Optional.of(v));
  }

  /** {@code err} without payload. */
  public static Value err() {
    return new Value.ResultValue(false, Optional.empty());
  }

  /** {@code err(v)}. */
  public static Value err(Value v) {
    return new Value.ResultValue(false, Optional.of(v));
  }

  /** {@code some(v)}. */
  public static Value some(Value v) {
    return new Value.OptionValue(Optional.of(v));
  }

  /** {@code none}. */
  public static Value none() {
    return new Value.OptionValue(Optional.empty());
  }

  /** An option from a Java optional. */
  public static Value option(Optional<? extends Value> v) {
    return new Value.OptionValue(v.map(x -> (Value) x));
  }

  /** A {@code u64}. */
  public static Value u64(long v) {
    return new Value.U64(v);
  }

  /** An {@code s64}. */
  public static Value s64(long v) {
    return new Value.S64(v);
  }

  /** A {@code u32}. */
  public static Value u32(int v) {
    return new Value.U32(v);
  }

  /** A {@code string}. */
  public static Value str(String s) {
    return new Value.Str(s);
  }

  /** A {@code list<u8>}; the array is handed over. */
  public static Value bytes(byte[] b) {
    return new Value.Bytes(b);
  }

  /** A {@code bool}. */
  public static Value bool(boolean b) {
    return new Value.Bool(b);
  }

  /** A {@code list<T>}. */
  public static Value list(List<? extends Value> elements) {
    return new Value.ListValue(List.copyOf(elements));
  }

  /** A tuple. */
  public static Value tuple(Value... elements) {
    return new Value.TupleValue(List.of(elements));
  }

  /** A variant case without payload. */
  public static Value variant(int caseIndex) {
    return new Value.VariantValue(caseIndex, Optional.empty());
  }

  /** A variant case with payload. */
  public static Value variant(int caseIndex, Value payload) {
    return new Value.VariantValue(caseIndex, Optional.of(payload));
  }

  /** An enum case. */
  public static Value enumCase(int index) {
    return new Value.EnumValue(index);
  }
}
