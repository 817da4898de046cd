package io.cloister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-memory} sizes: bytes or KiB/MiB/GiB multiples, at least one wasm page. */
class MemorySizeConverterTest {
  private final MemorySizeConverter converter = new MemorySizeConverter();

  @Test
  void parsesBytesAndBinaryUnits() {
    assertThat(converter.convert("65536")).isEqualTo(65536L);
    assertThat(converter.convert("64k")).isEqualTo(65536L);
    assertThat(converter.convert("512m")).isEqualTo(512L << 20);
    assertThat(converter.convert("1G")).isEqualTo(1L << 30);
    assertThat(converter.convert(" 3g ")).isEqualTo(3L << 30);
  }

  @Test
  void rejectsWhatIsNotASize() {
    for (String bad : new String[] {"", "m", "lots", "12x", "-5", "1.5g", "1 g", "64kb"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("is not a size");
    }
  }

  @Test
  void rejectsLessThanAPageAndOverflow() {
    assertThatThrownBy(() -> converter.convert("65535"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("less than one 64 KiB wasm page");
    assertThatThrownBy(() -> converter.convert("0"))
        .hasMessageContaining("less than one 64 KiB wasm page");
    assertThatThrownBy(() -> converter.convert("9999999999999g"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> converter.convert("99999999999999999999"))
        .hasMessageContaining("too large");
  }
}
