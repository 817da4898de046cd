package io.cloister.component.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type, through every path: as a flat parameter, spilled with 16 other parameters, as a flat
 * or return-pointer result, and as a list element (memory).
 */
class CallPlanRoundTripTest {

  static final VariantType SHAPE =
      new VariantType(
          List.of(
              new Case("circle", Optional.of(PrimitiveType.F32)),
              new Case("square", Optional.of(PrimitiveType.U64)),
              new Case("label", Optional.of(PrimitiveType.STRING)),
              new Case("empty", Optional.empty()),
              new Case("ratio", Optional.of(PrimitiveType.F64))));
  static final RecordType POINT =
      new RecordType(
          List.of(
              new Field("x", PrimitiveType.S8),
              new Field("y", PrimitiveType.U64),
              new Field("name", PrimitiveType.STRING)));

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(PrimitiveType.BOOL, new Value.Bool(true)),
        Arguments.of(PrimitiveType.BOOL, new Value.Bool(false)),
        Arguments.of(PrimitiveType.S8, new Value.S8(Byte.MIN_VALUE)),
        Arguments.of(PrimitiveType.U8, new Value.U8(255)),
        Arguments.of(PrimitiveType.S16, new Value.S16(Short.MIN_VALUE)),
        Arguments.of(PrimitiveType.U16, new Value.U16(65535)),
        Arguments.of(PrimitiveType.S32, new Value.S32(Integer.MIN_VALUE)),
        Arguments.of(PrimitiveType.U32, new Value.U32(-1)),
        Arguments.of(PrimitiveType.S64, new Value.S64(Long.MIN_VALUE)),
        Arguments.of(PrimitiveType.U64, new Value.U64(-1L)),
        Arguments.of(PrimitiveType.F32, new Value.F32(Float.NEGATIVE_INFINITY)),
        Arguments.of(PrimitiveType.F32, new Value.F32(-0.0f)),
        Arguments.of(PrimitiveType.F64, new Value.F64(Double.MIN_VALUE)),
        Arguments.of(PrimitiveType.F64, new Value.F64(Double.NaN)),
        Arguments.of(PrimitiveType.CHAR, new Value.Char(0x1f600)),
        Arguments.of(PrimitiveType.CHAR, new Value.Char(0)),
        Arguments.of(PrimitiveType.STRING, new Value.Str("")),
        Arguments.of(PrimitiveType.STRING, new Value.Str("héllo, 世界 😀")),
        Arguments.of(new ListType(PrimitiveType.U8), Value.Bytes.copyOf(new byte[] {0, -1, 7})),
        Arguments.of(new ListType(PrimitiveType.U8), new Value.Bytes(new byte[0])),
        Arguments.of(
            new ListType(PrimitiveType.U64),
            new Value.ListValue(List.of(new Value.U64(1), new Value.U64(-2)))),
        Arguments.of(
            new ListType(new ListType(PrimitiveType.STRING)),
            new Value.ListValue(
                List.of(
                    new Value.ListValue(List.of(new Value.Str("a"), new Value.Str("bc"))),
                    new Value.ListValue(List.of())))),
        Arguments.of(
            POINT,
            new Value.RecordValue(
                List.of(new Value.S8((byte) -3), new Value.U64(1L << 63), new Value.Str("p")))),
        Arguments.of(
            new TupleType(List.of(PrimitiveType.U8, PrimitiveType.F64, PrimitiveType.CHAR)),
            new Value.TupleValue(
                List.of(new Value.U8(9), new Value.F64(2.5), new Value.Char('x')))),
        Arguments.of(SHAPE, new Value.VariantValue(0, Optional.of(new Value.F32(1.5f)))),
        Arguments.of(SHAPE, new Value.VariantValue(1, Optional.of(new Value.U64(-1)))),
        Arguments.of(SHAPE, new Value.VariantValue(2, Optional.of(new Value.Str("lbl")))),
        Arguments.of(SHAPE, new Value.VariantValue(3, Optional.empty())),
        Arguments.of(SHAPE, new Value.VariantValue(4, Optional.of(new Value.F64(-1e300)))),
        Arguments.of(new EnumType(List.of("a", "b", "c")), new Value.EnumValue(2)),
        Arguments.of(new OptionType(PrimitiveType.U32), new Value.OptionValue(Optional.empty())),
        Arguments.of(
            new OptionType(new OptionType(PrimitiveType.F32)),
            new Value.OptionValue(
                Optional.of(new Value.OptionValue(Optional.of(new Value.F32(3f)))))),
        Arguments.of(
            new ResultType(Optional.of(PrimitiveType.STRING), Optional.of(PrimitiveType.U8)),
            new Value.ResultValue(false, Optional.of(new Value.U8(4)))),
        Arguments.of(
            new ResultType(Optional.empty(), Optional.empty()),
            new Value.ResultValue(true, Optional.empty())),
        Arguments.of(
            new FlagsType(IntStream.range(0, 20).mapToObj(i -> "f" + i).toList()),
            new Value.FlagsValue(0b1000_0000_0000_0000_0101L)),
        Arguments.of(
            new ListType(SHAPE),
            new Value.ListValue(
                List.of(
                    new Value.VariantValue(2, Optional.of(new Value.Str("x"))),
                    new Value.VariantValue(3, Optional.empty())))));
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("samples")
  void flatParameter(ValType type, Value value) {
    BumpGuest guest = new BumpGuest();
    CallPlan plan = CallPlan.of(new FuncType(List.of(new Param("v", type)), Optional.empty()));
    long[] core = plan.lowerArguments(List.of(value), guest.context());
    assertThat(core).hasSameSizeAs(plan.liftSignature().params().toArray());
    assertThat(plan.liftArguments(core, guest.context())).containsExactly(value);
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("samples")
  void spilledParameters(ValType type, Value value) {
    BumpGuest guest = new BumpGuest();
    List<Param> params = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      params.add(new Param("p" + i, PrimitiveType.U32));
      args.add(new Value.U32(i * 1000));
    }
    params.add(new Param("v", type));
    args.add(value);
    CallPlan plan = CallPlan.of(new FuncType(params, Optional.empty()));
    long[] core = plan.lowerArguments(args, guest.context());
    assertThat(core).hasSize(1);
    assertThat(plan.liftArguments(core, guest.context())).isEqualTo(args);
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("samples")
  void result(ValType type, Value value) {
    BumpGuest guest = new BumpGuest();
    CallPlan plan = CallPlan.of(new FuncType(List.of(), Optional.of(type)));
    boolean spilled = plan.lowerSignature().results().isEmpty();
    long[] args = spilled ? new long[] {guest.realloc(0, 0, 8, 64)} : new long[0];
    long[] core = plan.lowerResults(List.of(value), args, guest.context());
    long[] seen = spilled ? args : core;
    assertThat(plan.liftResults(seen, guest.context())).containsExactly(value);
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("samples")
  void listElement(ValType type, Value value) {
    BumpGuest guest = new BumpGuest();
    ListType listType = new ListType(type);
    List<Value> elements = List.of(value, value, value);
    Value list =
        type == PrimitiveType.U8
            ? Value.Bytes.copyOf(new byte[] {1, 2, 3})
            : new Value.ListValue(elements);
    CallPlan plan = CallPlan.of(new FuncType(List.of(new Param("l", listType)), Optional.empty()));
    long[] core = plan.lowerArguments(List.of(list), guest.context());
    assertThat(plan.liftArguments(core, guest.context())).containsExactly(list);
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("samples")
  void valueOfAnotherTypeIsRejected(ValType type, Value value) {
    BumpGuest guest = new BumpGuest();
    CallPlan plan = CallPlan.of(new FuncType(List.of(new Param("v", type)), Optional.empty()));
    Value wrong =
        value instanceof Value.Str ? new Value.Bool(true) : new Value.Str("not a " + type);
    assertThatThrownBy(() -> plan.lowerArguments(List.of(wrong), guest.context()))
        .isInstanceOf(ValueMismatchException.class);
  }

  @org.junit.jupiter.api.Test
  void listOfU8AcceptsAListValueOfU8() {
    BumpGuest guest = new BumpGuest();
    CallPlan plan =
        CallPlan.of(
            new FuncType(
                List.of(new Param("l", new ListType(PrimitiveType.U8))), Optional.empty()));
    long[] core =
        plan.lowerArguments(
            List.of(new Value.ListValue(List.of(new Value.U8(200), new Value.U8(1)))),
            guest.context());
    assertThat(plan.liftArguments(core, guest.context()))
        .containsExactly(Value.Bytes.copyOf(new byte[] {(byte) 200, 1}));
  }
}
