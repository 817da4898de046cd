package io.cloister.component.abi;

import static io.cloister.component.abi.FlatType.F32;
import static io.cloister.component.abi.FlatType.F64;
import static io.cloister.component.abi.FlatType.I32;
import static io.cloister.component.abi.FlatType.I64;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanonicalAbiLayoutTest {

  @Test
  void primitiveSizesAndFlattening() {
    assertThat(CanonicalAbi.size(PrimitiveType.BOOL)).isEqualTo(1);
    assertThat(CanonicalAbi.size(PrimitiveType.U16)).isEqualTo(2);
    assertThat(CanonicalAbi.alignment(PrimitiveType.U64)).isEqualTo(8);
    assertThat(CanonicalAbi.size(PrimitiveType.CHAR)).isEqualTo(4);
    assertThat(CanonicalAbi.size(PrimitiveType.STRING)).isEqualTo(8);
    assertThat(CanonicalAbi.alignment(PrimitiveType.STRING)).isEqualTo(4);
    assertThat(CanonicalAbi.flatten(PrimitiveType.S64)).containsExactly(I64);
    assertThat(CanonicalAbi.flatten(PrimitiveType.F32)).containsExactly(F32);
    assertThat(CanonicalAbi.flatten(PrimitiveType.STRING)).containsExactly(I32, I32);
    assertThat(CanonicalAbi.flatten(new ListType(PrimitiveType.U8))).containsExactly(I32, I32);
  }

  @Test
  void recordsPadFieldsAndTheEnd() {
    RecordType r =
        new RecordType(
            List.of(
                new Field("a", PrimitiveType.U8),
                new Field("b", PrimitiveType.U64),
                new Field("c", PrimitiveType.U16)));
    assertThat(CanonicalAbi.size(r)).isEqualTo(24);
    assertThat(CanonicalAbi.alignment(r)).isEqualTo(8);
    assertThat(CanonicalAbi.flatten(r)).containsExactly(I32, I64, I32);
    TupleType t = new TupleType(List.of(PrimitiveType.U8, PrimitiveType.U16));
    assertThat(CanonicalAbi.size(t)).isEqualTo(4);
  }

  @Test
  void variantsJoinTheirCasesFlatTypes() {
    VariantType v =
        new VariantType(
            List.of(
                new Case("a", Optional.of(PrimitiveType.F32)),
                new Case("b", Optional.of(PrimitiveType.U32)),
                new Case("c", Optional.empty())));
    assertThat(CanonicalAbi.flatten(v)).containsExactly(I32, I32);
    VariantType w =
        new VariantType(
            List.of(
                new Case("a", Optional.of(PrimitiveType.F32)),
                new Case("b", Optional.of(PrimitiveType.F64)),
                new Case("c", Optional.of(PrimitiveType.STRING))));
    assertThat(CanonicalAbi.flatten(w)).containsExactly(I32, I64, I32);
    assertThat(CanonicalAbi.size(w)).isEqualTo(16);
    assertThat(CanonicalAbi.alignment(w)).isEqualTo(8);
    assertThat(CanonicalAbi.flatten(new OptionType(PrimitiveType.F64))).containsExactly(I32, F64);
    ResultType r = new ResultType(Optional.of(PrimitiveType.STRING), Optional.empty());
    assertThat(CanonicalAbi.size(r)).isEqualTo(12);
    assertThat(CanonicalAbi.flatten(r)).containsExactly(I32, I32, I32);
  }

  @Test
  void discriminantAndFlagsWidthsGrowWithTheLabelCount() {
    assertThat(CanonicalAbi.size(enumOf(256))).isEqualTo(1);
    assertThat(CanonicalAbi.size(enumOf(257))).isEqualTo(2);
    assertThat(CanonicalAbi.size(flagsOf(8))).isEqualTo(1);
    assertThat(CanonicalAbi.size(flagsOf(9))).isEqualTo(2);
    assertThat(CanonicalAbi.size(flagsOf(17))).isEqualTo(4);
    assertThat(CanonicalAbi.flatten(flagsOf(32))).containsExactly(I32);
    assertThatThrownBy(() -> CanonicalAbi.size(flagsOf(33)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signaturesSpillParamsPast16AndResultsPast1() {
    FuncType sixteen = new FuncType(params(16), Optional.of(PrimitiveType.U32));
    assertThat(CallPlan.of(sixteen).liftSignature().params()).hasSize(16);
    FuncType seventeen = new FuncType(params(17), Optional.empty());
    assertThat(CallPlan.of(seventeen).liftSignature().params()).containsExactly(I32);
    assertThat(CallPlan.of(seventeen).lowerSignature().params()).containsExactly(I32);

    FuncType stringResult = new FuncType(List.of(), Optional.of(PrimitiveType.STRING));
    CallPlan plan = CallPlan.of(stringResult);
    assertThat(plan.liftSignature().params()).isEmpty();
    assertThat(plan.liftSignature().results()).containsExactly(I32);
    assertThat(plan.lowerSignature().params()).containsExactly(I32);
    assertThat(plan.lowerSignature().results()).isEmpty();
    assertThat(plan.lowerSignature().toFunctionType().params()).hasSize(1);
  }

  private static List<Param> params(int n) {
    return IntStream.range(0, n).mapToObj(i -> new Param("p" + i, PrimitiveType.U32)).toList();
  }

  private static ValType enumOf(int n) {
    return new EnumType(IntStream.range(0, n).mapToObj(i -> "e" + i).toList());
  }

  private static ValType flagsOf(int n) {
    List<String> labels = new ArrayList<>(Collections.nCopies(0, ""));
    IntStream.range(0, n).forEach(i -> labels.add("f" + i));
    return new FlagsType(labels);
  }
}
