package io.cloister.component.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.types.FuncType;
import io.cloister.component.types.Param;
import io.cloister.component.types.PrimitiveType;
import io.cloister.component.values.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three string encodings, their realloc requests and the latin1+utf16 tag bit. */
class StringEncodingTest {
  private static final CallPlan PLAN =
      CallPlan.of(new FuncType(List.of(new Param("s", PrimitiveType.STRING)), Optional.empty()));

  private final BumpGuest guest = new BumpGuest();

  @ParameterizedTest
  @EnumSource(StringEncoding.class)
  void everyEncodingRoundTrips(StringEncoding encoding) {
    for (String s : List.of("", "ascii", "café ÿ", "日本語", "😀 astral", "\u0000nul")) {
      long[] core = PLAN.lowerArguments(List.of(new Value.Str(s)), guest.context(encoding));
      assertThat(PLAN.liftArguments(core, guest.context(encoding)))
          .containsExactly(new Value.Str(s));
    }
  }

  @Test
  void utf8AllocatesTheExactByteLengthOnce() {
    long[] core = PLAN.lowerArguments(List.of(new Value.Str("aé😀")), guest.context());
    assertThat(core[1]).isEqualTo(7);
    assertThat(guest.calls).containsExactly("0,0,1,7");
    assertThat(guest.memory.readBytes((int) core[0], 7))
        .isEqualTo("aé😀".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void unpairedSurrogatesAreNotLowered() {
    assertThatThrownBy(() -> PLAN.lowerArguments(List.of(new Value.Str("a\ud800")), guest.context()))
        .isInstanceOf(ValueMismatchException.class)
        .hasMessageContaining("unpaired surrogate at index 1");
    assertThat(guest.calls).isEmpty();
  }

  @Test
  void utf16AllocatesTwoBytesPerUnitAlignedTo2() {
    long[] core = PLAN.lowerArguments(List.of(new Value.Str("😀")), guest.context(StringEncoding.UTF16));
    assertThat(guest.calls).containsExactly("0,0,2,4");
    assertThat(core[1]).isEqualTo(2);
  }

  @Test
  void latin1Utf16UsesLatin1WhenItFitsAndTagsUtf16Otherwise() {
    long[] latin = PLAN.lowerArguments(List.of(new Value.Str("ÿes")), guest.context(StringEncoding.LATIN1_UTF16));
    assertThat(latin[1]).isEqualTo(3);
    assertThat(guest.memory.read((int) latin[0])).isEqualTo((byte) 0xff);
    long[] wide = PLAN.lowerArguments(List.of(new Value.Str("aΩ")), guest.context(StringEncoding.LATIN1_UTF16));
    assertThat((int) wide[1]).isEqualTo(2 | (1 << 31));
    assertThat(guest.calls).containsExactly("0,0,2,3", "0,0,2,4");
    assertThat(guest.memory.readShort((int) wide[0] + 2)).isEqualTo((short) 'Ω');
  }
}
