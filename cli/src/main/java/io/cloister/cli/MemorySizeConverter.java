package io.cloister.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a memory size option: bytes ({@code 1048576}) or a whole number of KiB, MiB or GiB ({@code
 * 64k}, {@code 512m}, {@code 1g}; case-insensitive), at least one 64 KiB wasm page.
 */
final class MemorySizeConverter implements ITypeConverter<Long> {
  static final long MIN_BYTES = 64 * 1024;
  private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a size: give bytes or a number with k, m or g (e.g. 512m, 1g)");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    long bytes;
    try {
      long number = Long.parseLong(m.group(1));
      if (number > Long.MAX_VALUE >> shift) {
        throw new NumberFormatException();
      }
      bytes = number << shift;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large a size");
    }
    if (bytes < MIN_BYTES) {
      throw new TypeConversionException(
          "'" + value + "' is less than one 64 KiB wasm page (" + MIN_BYTES + " bytes)");
    }
    return bytes;
  }
}
