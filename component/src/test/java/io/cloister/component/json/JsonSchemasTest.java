package io.cloister.component.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloister.component.types.BorrowType;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas agree with the mapping: for each type, values the mapping lifts are valid under the
 * type's schema, and values it refuses are invalid under it (checked by a real JSON Schema
 * validator, draft 2020-12).
 */
class JsonSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final RecordType POINT =
      new RecordType(List.of(new Field("x", PrimitiveType.U32), new Field("y", PrimitiveType.S64)));
  private static final VariantType SHAPE =
      new VariantType(
          List.of(new Case("circle", Optional.of(POINT)), new Case("none", Optional.empty())));

  /** A type, JSON texts the mapping accepts, and texts it refuses. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(PrimitiveType.BOOL, List.of("true", "false"), List.of("1", "\"true\"", "null")),
        Arguments.of(PrimitiveType.U8, List.of("0", "255", "7.0"), List.of("256", "-1", "1.5", "\"1\"")),
        Arguments.of(PrimitiveType.S8, List.of("-128", "127"), List.of("128", "-129")),
        Arguments.of(PrimitiveType.U16, List.of("65535"), List.of("65536")),
        Arguments.of(PrimitiveType.S32, List.of("-2147483648"), List.of("2147483648")),
        Arguments.of(PrimitiveType.U32, List.of("4294967295", "0"), List.of("4294967296", "-1")),
        Arguments.of(
            PrimitiveType.U64,
            List.of("0", "18446744073709551615", "\"18446744073709551615\""),
            List.of("-1", "18446744073709551616", "\"-1\"", "\"12a\"", "1.5")),
        Arguments.of(
            PrimitiveType.S64,
            List.of("-9223372036854775808", "\"-9223372036854775808\"", "9223372036854775807"),
            List.of("9223372036854775808", "\"x\"", "true")),
        Arguments.of(
            PrimitiveType.F64,
            List.of("1.5", "-3", "\"NaN\"", "\"Infinity\"", "\"-Infinity\""),
            List.of("\"nan\"", "\"1.5\"", "null")),
        Arguments.of(
            PrimitiveType.CHAR,
            List.of("\"a\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\""),
            List.of("\"\"", "\"ab\"", "97")),
        Arguments.of(PrimitiveType.STRING, List.of("\"\"", "\"hi\""), List.of("1", "null", "[]")),
        Arguments.of(
            new ListType(PrimitiveType.U8),
            List.of("\"AQID\"", "\"\"", "[1, 2, 255]", "[]"),
            List.of("[256]", "\"*not base64*\"", "{}")),
        Arguments.of(
            new ListType(PrimitiveType.STRING),
            List.of("[]", "[\"a\", \"b\"]"),
            List.of("[1]", "\"a\"", "{}")),
        Arguments.of(
            new TupleType(List.of(PrimitiveType.U8, PrimitiveType.STRING)),
            List.of("[1, \"a\"]"),
            List.of("[1]", "[1, \"a\", 2]", "[\"a\", 1]", "{}")),
        Arguments.of(
            POINT,
            List.of("{\"x\": 1, \"y\": -2}", "{\"x\": 1, \"y\": \"-2\"}"),
            List.of("{\"x\": 1}", "{\"x\": 1, \"y\": 2, \"z\": 3}", "{\"x\": -1, \"y\": 0}", "[1, 2]")),
        Arguments.of(
            SHAPE,
            List.of("{\"circle\": {\"x\": 1, \"y\": 2}}", "{\"none\": null}", "\"none\""),
            List.of(
                "\"circle\"",
                "{\"square\": null}",
                "{\"none\": 1}",
                "{\"circle\": {\"x\": 1, \"y\": 2}, \"none\": null}",
                "{}")),
        Arguments.of(
            new EnumType(List.of("red", "green")),
            List.of("\"red\"", "\"green\""),
            List.of("\"blue\"", "0", "[\"red\"]")),
        Arguments.of(
            new FlagsType(List.of("read", "write")),
            List.of("[]", "[\"read\"]", "[\"read\", \"write\"]"),
            List.of("[\"exec\"]", "\"read\"", "[1]")),
        Arguments.of(
            new OptionType(PrimitiveType.U8),
            List.of("null", "3"),
            List.of("\"3\"", "256", "[]")),
        Arguments.of(
            new OptionType(new OptionType(PrimitiveType.STRING)),
            List.of("null", "\"x\""),
            List.of("1")),
        Arguments.of(
            new ResultType(Optional.of(PrimitiveType.U32), Optional.of(PrimitiveType.STRING)),
            List.of("{\"ok\": 1}", "{\"err\": \"no\"}"),
            List.of("{\"ok\": \"x\"}", "{\"ok\": 1, \"err\": \"x\"}", "{\"fine\": 1}", "1")),
        Arguments.of(
            new ResultType(Optional.empty(), Optional.empty()),
            List.of("{\"ok\": null}", "{\"err\": null}"),
            List.of("{\"ok\": 1}", "\"ok\"")),
        Arguments.of(
            new ListType(new RecordType(List.of(new Field("tags", new FlagsType(List.of("a")))))),
            List.of("[{\"tags\": [\"a\"]}, {\"tags\": []}]"),
            List.of("[{\"tags\": [\"b\"]}]", "[{}]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theSchemaAdmitsWhatTheMappingLiftsAndRefusesWhatItRefuses(
      ValType type, List<String> accepted, List<String> refused) throws Exception {
    Schema schema = SCHEMAS.getSchema(JsonSchemas.of(type));
    for (String text : accepted) {
      JsonNode value = JSON.readTree(text);
      JsonValues.fromJson(type, value, "$"); // throws if the mapping refuses it
      assertThat(schema.validate(value)).as("%s under %s", text, type).isEmpty();
    }
    for (String text : refused) {
      JsonNode value = JSON.readTree(text);
      assertThatThrownBy(() -> JsonValues.fromJson(type, value, "$"))
          .as("the mapping refuses %s", text)
          .isInstanceOf(JsonValueException.class);
      assertThat(schema.validate(value)).as("%s under %s", text, type).isNotEmpty();
    }
  }

  @Test
  void parametersAreAnObjectWhoseOptionsMayBeLeftOut() throws Exception {
    FuncType f =
        new FuncType(
            List.of(
                new Param("point", POINT), new Param("label", new OptionType(PrimitiveType.STRING))),
            Optional.of(PrimitiveType.BOOL));
    Schema schema = SCHEMAS.getSchema(JsonSchemas.parameters(f));
    for (String ok : List.of("{\"point\": {\"x\": 1, \"y\": 2}}", "{\"point\": {\"x\": 1, \"y\": 2}, \"label\": \"a\"}")) {
      JsonCalls.arguments(f, JSON.readTree(ok));
      assertThat(schema.validate(JSON.readTree(ok))).as(ok).isEmpty();
    }
    for (String bad : List.of("{}", "{\"point\": {\"x\": 1, \"y\": 2}, \"other\": 1}", "[]")) {
      assertThatThrownBy(() -> JsonCalls.arguments(f, JSON.readTree(bad))).as(bad)
          .isInstanceOf(JsonValueException.class);
      assertThat(schema.validate(JSON.readTree(bad))).as(bad).isNotEmpty();
    }
  }

  @Test
  void resourcesHaveNoSchema() {
    ResourceType r = new ResourceType("file");
    FuncType f = new FuncType(List.of(new Param("f", new BorrowType(r))), Optional.empty());
    assertThat(JsonSchemas.representable(f)).isFalse();
    assertThat(JsonSchemas.representable(new ListType(new OwnType(r)))).isFalse();
    assertThat(JsonSchemas.representable(POINT)).isTrue();
    assertThatThrownBy(() -> JsonSchemas.parameters(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file");
  }
}
