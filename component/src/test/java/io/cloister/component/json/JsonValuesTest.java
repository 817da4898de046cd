package io.cloister.component.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloister.component.types.Case;
import io.cloister.component.types.EnumType;
import io.cloister.component.types.Field;
import io.cloister.component.types.FlagsType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordType POINT =
      new RecordType(List.of(new Field("x", PrimitiveType.U32), new Field("y", PrimitiveType.S64)));
  private static final VariantType SHAPE =
      new VariantType(
          List.of(new Case("circle", Optional.of(POINT)), new Case("none", Optional.empty())));

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Value read(ValType type, String s) {
    return JsonValues.fromJson(type, json(s), "$");
  }

  private static String roundTrip(ValType type, String s) {
    return JsonValues.toJson(type, read(type, s)).toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bool|true|true",
        "u8|255|255",
        "s8|-128|-128",
        "u32|4294967295|4294967295",
        "s32|-2147483648|-2147483648",
        "u64|9007199254740992|9007199254740992",
        "u64|9007199254740993|\"9007199254740993\"",
        "u64|\"18446744073709551615\"|\"18446744073709551615\"",
        "s64|\"-9223372036854775808\"|\"-9223372036854775808\"",
        "s64|-5|-5",
        "f64|1.5|1.5",
        "f64|\"NaN\"|\"NaN\"",
        "f32|\"-Infinity\"|\"-Infinity\"",
        "char|\"😀\"|\"😀\"",
        "string|\"héllo\"|\"héllo\""
      })
  void primitivesRoundTrip(String wit, String in, String out) {
    PrimitiveType p =
        java.util.Arrays.stream(PrimitiveType.values())
            .filter(t -> t.witName().equals(wit))
            .findFirst()
            .orElseThrow();
    assertThat(roundTrip(p, in)).isEqualTo(out);
  }

  @Test
  void compoundsRoundTrip() {
    assertThat(roundTrip(POINT, "{\"x\":1,\"y\":-2}")).isEqualTo("{\"x\":1,\"y\":-2}");
    assertThat(roundTrip(SHAPE, "{\"circle\":{\"x\":3,\"y\":4}}"))
        .isEqualTo("{\"circle\":{\"x\":3,\"y\":4}}");
    assertThat(roundTrip(SHAPE, "\"none\"")).isEqualTo("{\"none\":null}");
    assertThat(roundTrip(SHAPE, "{\"none\":null}")).isEqualTo("{\"none\":null}");
    assertThat(roundTrip(new EnumType(List.of("a", "b")), "\"b\"")).isEqualTo("\"b\"");
    assertThat(roundTrip(new FlagsType(List.of("r", "w", "x")), "[\"x\",\"r\"]"))
        .isEqualTo("[\"r\",\"x\"]");
    assertThat(roundTrip(new OptionType(PrimitiveType.U8), "null")).isEqualTo("null");
    assertThat(roundTrip(new OptionType(PrimitiveType.U8), "7")).isEqualTo("7");
    ResultType r = new ResultType(Optional.of(PrimitiveType.STRING), Optional.empty());
    assertThat(roundTrip(r, "{\"ok\":\"yes\"}")).isEqualTo("{\"ok\":\"yes\"}");
    assertThat(roundTrip(r, "{\"err\":null}")).isEqualTo("{\"err\":null}");
    assertThat(roundTrip(new TupleType(List.of(PrimitiveType.U8, PrimitiveType.STRING)), "[1,\"a\"]"))
        .isEqualTo("[1,\"a\"]");
    assertThat(roundTrip(new ListType(PrimitiveType.U8), "\"AAEC/w==\"")).isEqualTo("\"AAEC/w==\"");
    assertThat(read(new ListType(PrimitiveType.U8), "[0,1,2,255]"))
        .isEqualTo(Value.Bytes.copyOf(new byte[] {0, 1, 2, -1}));
    assertThat(roundTrip(new ListType(POINT), "[{\"x\":1,\"y\":2}]")).isEqualTo("[{\"x\":1,\"y\":2}]");
  }

  @Test
  void errorsNameTheJsonPath() {
    RecordType outer = new RecordType(List.of(new Field("point", POINT)));
    assertThatThrownBy(() -> read(outer, "{\"point\":{\"x\":-1,\"y\":0}}"))
        .isInstanceOf(JsonValueException.class)
        .hasMessage("$.point.x: expected u32, got -1");
    assertThatThrownBy(() -> read(new ListType(POINT), "[{\"x\":1,\"y\":2},{\"x\":1}]"))
        .hasMessageStartingWith("$[1].y: missing value of type s64");
    assertThatThrownBy(() -> read(POINT, "{\"x\":1,\"y\":2,\"z\":3}"))
        .hasMessageStartingWith("$.z: the record has no field 'z'");
    assertThatThrownBy(() -> read(SHAPE, "{\"square\":1}")).hasMessageContaining("unknown case 'square'");
    assertThatThrownBy(() -> read(SHAPE, "\"circle\"")).hasMessageContaining("needs a payload");
    assertThatThrownBy(() -> read(PrimitiveType.U64, "\"12abc\"")).hasMessage("$: expected u64, got \"12abc\"");
    assertThatThrownBy(() -> read(PrimitiveType.U64, "18446744073709551616"))
        .hasMessageStartingWith("$: expected u64");
    assertThatThrownBy(() -> read(PrimitiveType.U8, "1.5")).hasMessageStartingWith("$: expected u8");
    assertThatThrownBy(() -> read(PrimitiveType.CHAR, "\"ab\"")).hasMessageContaining("one code point");
    assertThatThrownBy(() -> read(new ListType(PrimitiveType.U8), "\"%%%\"")).hasMessageContaining("base64");
    assertThatThrownBy(() -> read(new OwnType(new ResourceType("file")), "1"))
        .hasMessageContaining("cannot be passed as JSON");
  }

  @Test
  void namedParametersAndDescription() {
    FuncType f =
        new FuncType(
            List.of(new Param("p", POINT), new Param("limit", new OptionType(PrimitiveType.U32))),
            Optional.of(PrimitiveType.STRING));
    assertThat(JsonCalls.arguments(f, json("{\"p\":{\"x\":1,\"y\":2}}")))
        .containsExactly(
            new Value.RecordValue(List.of(new Value.U32(1), new Value.S64(2))),
            new Value.OptionValue(Optional.empty()));
    assertThatThrownBy(() -> JsonCalls.arguments(f, json("{\"q\":1}")))
        .hasMessageStartingWith("$.p: missing value");
    assertThatThrownBy(() -> JsonCalls.arguments(f, json("{\"p\":{\"x\":1,\"y\":2},\"q\":1}")))
        .hasMessageStartingWith("$.q: the function has no parameter 'q'");
    assertThat(JsonCalls.result(f, List.of(new Value.Str("ok"))).textValue()).isEqualTo("ok");
    assertThat(JsonCalls.describe("f", f).toString())
        .isEqualTo(
            "{\"name\":\"f\",\"params\":[{\"name\":\"p\",\"type\":{\"wit\":\"record\",\"kind\":\"record\","
                + "\"fields\":[{\"name\":\"x\",\"type\":{\"wit\":\"u32\",\"kind\":\"u32\"}},"
                + "{\"name\":\"y\",\"type\":{\"wit\":\"s64\",\"kind\":\"s64\"}}]}},"
                + "{\"name\":\"limit\",\"type\":{\"wit\":\"option<u32>\",\"kind\":\"option\","
                + "\"element\":{\"wit\":\"u32\",\"kind\":\"u32\"}}}],"
                + "\"result\":{\"wit\":\"string\",\"kind\":\"string\"}}");
  }
}
