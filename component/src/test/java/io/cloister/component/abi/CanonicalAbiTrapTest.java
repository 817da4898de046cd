package io.cloister.component.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a hostile or buggy guest can hand the host, and the truncation rules for valid input. */
class CanonicalAbiTrapTest {
  private final BumpGuest guest = new BumpGuest();

  private List<Value> lift(ValType type, long... core) {
    return CallPlan.of(new FuncType(List.of(new Param("v", type)), Optional.empty()))
        .liftArguments(core, guest.context());
  }

  @Test
  void integersAreTruncatedToTheirWidth() {
    assertThat(lift(PrimitiveType.U8, 0x1ff)).containsExactly(new Value.U8(0xff));
    assertThat(lift(PrimitiveType.S8, 0x80)).containsExactly(new Value.S8((byte) -128));
    assertThat(lift(PrimitiveType.U16, 0x12345)).containsExactly(new Value.U16(0x2345));
    assertThat(lift(PrimitiveType.S16, 0xffff)).containsExactly(new Value.S16((short) -1));
    assertThat(lift(PrimitiveType.BOOL, 2)).containsExactly(new Value.Bool(true));
  }

  @Test
  void nansAreCanonicalizedWhenLifted() {
    Value f32 = lift(PrimitiveType.F32, 0x7fa00001L).get(0);
    assertThat(Float.floatToRawIntBits(((Value.F32) f32).value())).isEqualTo(0x7fc00000);
    Value f64 = lift(PrimitiveType.F64, 0xfff0000000000001L).get(0);
    assertThat(Double.doubleToRawLongBits(((Value.F64) f64).value()))
        .isEqualTo(0x7ff8000000000000L);
  }

  @Test
  void invalidCharsTrap() {
    assertThatThrownBy(() -> lift(PrimitiveType.CHAR, 0xd800))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("0xd800");
    assertThatThrownBy(() -> lift(PrimitiveType.CHAR, 0x110000))
        .isInstanceOf(CanonicalAbiTrap.class);
    assertThatThrownBy(() -> lift(PrimitiveType.CHAR, -1)).isInstanceOf(CanonicalAbiTrap.class);
  }

  @Test
  void outOfRangeDiscriminantsTrap() {
    assertThatThrownBy(() -> lift(new EnumType(List.of("a", "b")), 2))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("discriminant 2");
    VariantType v = new VariantType(List.of(new Case("a", Optional.of(PrimitiveType.U32))));
    guest.memory.writeByte(64, (byte) 7);
    assertThatThrownBy(() -> lift(new ListType(v), 64, 1))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("discriminant 7");
  }

  @Test
  void stringsOutsideMemoryTrap() {
    assertThatThrownBy(() -> lift(PrimitiveType.STRING, 65530, 10))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("outside memory");
    assertThatThrownBy(() -> lift(PrimitiveType.STRING, -4, 2))
        .isInstanceOf(CanonicalAbiTrap.class);
  }

  @Test
  void hostileLengthsTrapBeforeAllocating() {
    assertThatThrownBy(() -> lift(PrimitiveType.STRING, 0, 0xffffffffL))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("exceeds");
    assertThatThrownBy(() -> lift(new ListType(PrimitiveType.U64), 8, 0x7fffffffL))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("exceeds");
    assertThatThrownBy(() -> lift(new ListType(PrimitiveType.U8), 0, 0x10000001L))
        .isInstanceOf(CanonicalAbiTrap.class);
    // Small enough for the limit but past the end of the single page.
    assertThatThrownBy(() -> lift(new ListType(PrimitiveType.U32), 0, 20000))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("outside memory");
  }

  @Test
  void misalignedPointersTrap() {
    assertThatThrownBy(() -> lift(new ListType(PrimitiveType.U32), 2, 1))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("not aligned to 4");
    CallPlan spilled =
        CallPlan.of(
            new FuncType(
                IntStream.range(0, 17).mapToObj(i -> new Param("p" + i, PrimitiveType.U64)).toList(),
                Optional.empty()));
    assertThatThrownBy(() -> spilled.liftArguments(new long[] {4}, guest.context()))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("spilled parameters");
  }

  @Test
  void invalidUtf8AndUnpairedUtf16SurrogatesTrap() {
    guest.memory.write(100, new byte[] {(byte) 0xc3, 0x28});
    assertThatThrownBy(() -> lift(PrimitiveType.STRING, 100, 2))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("not valid UTF-8");
    guest.memory.write(200, new byte[] {0x00, (byte) 0xd8, 0x41, 0x00});
    CallPlan plan =
        CallPlan.of(
            new FuncType(List.of(new Param("s", PrimitiveType.STRING)), Optional.empty()));
    assertThatThrownBy(
            () ->
                plan.liftArguments(
                    new long[] {200, 2}, guest.context(StringEncoding.UTF16)))
        .isInstanceOf(CanonicalAbiTrap.class);
  }

  @Test
  void reallocResultsAreChecked() {
    CallPlan plan =
        CallPlan.of(
            new FuncType(
                List.of(new Param("l", new ListType(PrimitiveType.U32))), Optional.empty()));
    Value list = new Value.ListValue(List.of(new Value.U32(1)));
    CallContext misaligned =
        new CallContext(
            new CanonOptions(StringEncoding.UTF8, guest.memory, (p, o, a, n) -> 3, null),
            guest.resources);
    assertThatThrownBy(() -> plan.lowerArguments(List.of(list), misaligned))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("realloc result");
    CallContext outside =
        new CallContext(
            new CanonOptions(StringEncoding.UTF8, guest.memory, (p, o, a, n) -> 65536, null),
            guest.resources);
    assertThatThrownBy(() -> plan.lowerArguments(List.of(list), outside))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("outside memory");
    CallContext noRealloc =
        new CallContext(new CanonOptions(StringEncoding.UTF8, guest.memory, null, null),
            guest.resources);
    assertThatThrownBy(() -> plan.lowerArguments(List.of(list), noRealloc))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("'realloc'");
  }

  @Test
  void returnAreaOutsideMemoryTraps() {
    CallPlan plan = CallPlan.of(new FuncType(List.of(), Optional.of(PrimitiveType.STRING)));
    assertThatThrownBy(
            () ->
                plan.lowerResults(
                    List.of(new Value.Str("x")), new long[] {65532}, guest.context()))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("return area");
    assertThatThrownBy(() -> plan.liftResults(new long[] {65534}, guest.context()))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("result");
  }

  @Test
  void spillingAllocatesTheParameterTupleWithRealloc() {
    CallPlan plan =
        CallPlan.of(
            new FuncType(
                IntStream.range(0, 17).mapToObj(i -> new Param("p" + i, PrimitiveType.U8)).toList(),
                Optional.empty()));
    List<Value> args = IntStream.range(0, 17).mapToObj(i -> (Value) new Value.U8(i)).toList();
    long[] core = plan.lowerArguments(args, guest.context());
    assertThat(guest.calls).containsExactly("0,0,1,17");
    assertThat(guest.memory.read((int) core[0] + 16)).isEqualTo((byte) 16);
  }
}
