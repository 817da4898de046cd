package io.cloister.component.values;

import io.cloister.component.types.ResourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A component-level value of some {@link io.cloister.component.types.ValType}. */
public sealed interface Value {

  /** {@code bool}. */
  record Bool(boolean value) implements Value {}

  /** {@code s8}. */
  record S8(byte value) implements Value {}

  /** {@code u8}, held as 0..255. */
  record U8(int value) implements Value {
    public U8 {
      if (value < 0 || value > 0xff) {
        throw new IllegalArgumentException("u8 out of range: " + value);
      }
    }
  }

  /** {@code s16}. */
  record S16(short value) implements Value {}

  /** {@code u16}, held as 0..65535. */
  record U16(int value) implements Value {
    public U16 {
      if (value < 0 || value > 0xffff) {
        throw new IllegalArgumentException("u16 out of range: " + value);
      }
    }
  }

  /** {@code s32}. */
  record S32(int value) implements Value {}

  /** {@code u32}, the 32 bits as a Java int; {@link #asLong()} gives the unsigned number. */
  record U32(int value) implements Value {
    public long asLong() {
      return Integer.toUnsignedLong(value);
    }
  }

  /** {@code s64}. */
  record S64(long value) implements Value {}

  /** {@code u64}, the 64 bits as a Java long; {@link #toString()} gives the unsigned number. */
  record U64(long value) implements Value {
    @Override
    public String toString() {
      return "U64[" + Long.toUnsignedString(value) + "]";
    }
  }

  /** {@code f32}. */
  record F32(float value) implements Value {}

  /** {@code f64}. */
  record F64(double value) implements Value {}

  /** {@code char}: a Unicode scalar value (never a surrogate). */
  record Char(int codePoint) implements Value {
    public Char {
      if (codePoint < 0
          || codePoint > 0x10ffff
          || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        throw new IllegalArgumentException(
            "not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
      }
    }
  }

  /** {@code string}. */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code list<T>} of any element type. */
  record ListValue(List<Value> elements) implements Value {
    public ListValue {
      elements = List.copyOf(elements);
    }
  }

  /**
   * {@code list<u8>}, kept as bytes: lifting and lowering byte lists is a copy, not a value per
   * byte. A {@link ListValue} of {@link U8} is accepted wherever this is. The array is owned by the
   * value and never modified after construction: whoever creates one gives the array up, and readers
   * must not write to it ({@link #copyOf} copies for callers that keep theirs).
   */
  record Bytes(byte[] value) implements Value {
    public Bytes {
      Objects.requireNonNull(value, "value");
    }

    /** A value holding a copy of {@code bytes}. */
    public static Bytes copyOf(byte[] bytes) {
      return new Bytes(bytes.clone());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + value.length + "]";
    }
  }

  /** A record's field values, in the record type's field order. */
  record RecordValue(List<Value> fields) implements Value {
    public RecordValue {
      fields = List.copyOf(fields);
    }
  }

  /** A tuple's element values. */
  record TupleValue(List<Value> elements) implements Value {
    public TupleValue {
      elements = List.copyOf(elements);
    }
  }

  /** A variant: the index of its case and the payload, present exactly when the case has one. */
  record VariantValue(int caseIndex, Optional<Value> payload) implements Value {
    public VariantValue {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** An enum: the index of its label. */
  record EnumValue(int index) implements Value {}

  /** {@code option<T>}: empty for {@code none}. */
  record OptionValue(Optional<Value> value) implements Value {
    public OptionValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code result<T, E>}: which side, and its payload if that side has a type. */
  record ResultValue(boolean isOk, Optional<Value> payload) implements Value {
    public ResultValue {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** {@code flags}: bit {@code i} set when label {@code i} is present (at most 64 labels). */
  record FlagsValue(long bits) implements Value {}

  /**
   * {@code own<R>} or {@code borrow<R>} as the host sees it: the resource type and its
   * representation ({@code rep}), an index the resource's implementer chose.
   */
  record ResourceValue(ResourceType type, int rep, boolean owned) implements Value {
    public ResourceValue {
      Objects.requireNonNull(type, "type");
    }
  }
}
