package io.cloister.artifact.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloister.artifact.ArtifactFormatException;
import io.cloister.artifact.meta.FunctionItem;
import io.cloister.artifact.meta.Metadata;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every malformed container the reader meets: a typed error naming the offset and the expectation. */
class CwasmReaderTest {
  private static final byte[] COMPONENT = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};
  private static final Cwasm SMALL =
      new Cwasm(
          "chicory/1.7.5 test",
          COMPONENT,
          new Metadata("package root:component;\n", List.of(new FunctionItem("i#f", "func()")), List.of(new FunctionItem("g", "func() -> u32"))),
          PrecompiledClasses.NONE);

  private static ArtifactFormatException refusal(byte[] file) {
    return refusal(file, ReadLimits.DEFAULT);
  }

  private static ArtifactFormatException refusal(byte[] file, ReadLimits limits) {
    return catchThrowableOfType(ArtifactFormatException.class, () -> CwasmReader.read(file, limits));
  }

  /** A file of raw sections: id, length, payload as given (lengths may lie). */
  private static byte[] file(int version, byte[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(CwasmFormat.magic());
    out.write(version >>> 8);
    out.write(version);
    for (byte[] s : sections) {
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  private static byte[] section(int id, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length).put((byte) id).putInt(payload.length).put(payload).array();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] NO_FUNCTIONS = {0, 0, 0, 0};

  private static byte[][] requiredSections() {
    return new byte[][] {
      section(1, utf8("e")), section(2, COMPONENT), section(3, utf8("w")), section(4, NO_FUNCTIONS), section(5, NO_FUNCTIONS)
    };
  }

  @Test
  void everyProperPrefixIsATypedErrorAtOrBeforeItsEnd() {
    byte[] whole = CwasmWriter.write(SMALL);
    for (int n = 0; n < whole.length; n++) {
      ArtifactFormatException e = refusal(Arrays.copyOf(whole, n));
      assertThat(e).as("prefix of %d bytes", n).isNotNull();
      assertThat(e.offset()).as("prefix of %d bytes", n).isLessThanOrEqualTo(n);
    }
  }

  @Test
  void theSmallestFileReadsBack() throws Exception {
    ParsedCwasm parsed = CwasmReader.read(file(1, requiredSections()), ReadLimits.DEFAULT);

    assertThat(parsed.content().engineId()).isEqualTo("e");
    assertThat(parsed.content().metadata()).isEqualTo(new Metadata("w", List.of(), List.of()));
    assertThat(parsed.sections()).extracting(SectionInfo::id).containsExactly(
        SectionId.ENGINE, SectionId.COMPONENT, SectionId.WIT, SectionId.IMPORTS, SectionId.EXPORTS);
    assertThat(parsed.sections().get(0).offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + 5);
  }

  @Test
  void wrongMagicIsRefusedAtTheFirstWrongByte() {
    byte[] f = file(1, requiredSections());
    f[3] = 'x';

    ArtifactFormatException e = refusal(f);

    assertThat(e.offset()).isEqualTo(3);
    assertThat(e.expected()).isEqualTo("the magic \\0clwCWASM");
  }

  @Test
  void anUnknownVersionIsRefused() {
    ArtifactFormatException e = refusal(file(2, requiredSections()));

    assertThat(e.offset()).isEqualTo(9);
    assertThat(e.expected()).isEqualTo("format version 1 (this build reads no other), not 2");
  }

  @Test
  void aDuplicateSectionIsRefused() {
    byte[][] s = requiredSections();
    byte[] f = file(1, s[0], s[1], s[1], s[2], s[3], s[4]);

    ArtifactFormatException e = refusal(f);

    assertThat(e.offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + s[0].length + s[1].length);
    assertThat(e.expected()).endsWith("each once, not component twice");
  }

  @Test
  void anOutOfOrderSectionIsRefused() {
    byte[][] s = requiredSections();

    ArtifactFormatException e = refusal(file(1, s[1], s[0], s[2], s[3], s[4]));

    assertThat(e.offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + s[1].length);
    assertThat(e.expected()).endsWith("not engine after component");
  }

  @Test
  void anUnknownSectionIdIsRefused() {
    byte[][] s = requiredSections();

    ArtifactFormatException e = refusal(file(1, s[0], s[1], s[2], s[3], s[4], section(9, new byte[1])));

    assertThat(e.expected()).isEqualTo("a section id 1..6, not 9");
  }

  @Test
  void aMissingSectionIsRefusedAtTheEnd() {
    byte[][] s = requiredSections();
    byte[] f = file(1, s[0], s[1], s[3], s[4]);

    ArtifactFormatException e = refusal(f);

    assertThat(e.offset()).isEqualTo(f.length);
    assertThat(e.expected()).isEqualTo("the wit section (required)");
  }

  @Test
  void aLengthPastTheEndIsRefusedWhereTheLengthIs() {
    byte[] engine = section(1, utf8("e"));
    ByteBuffer.wrap(engine).putInt(1, 0x7fff_ffff);

    ArtifactFormatException e = refusal(file(1, engine));

    assertThat(e.offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + 1);
    assertThat(e.expected()).isEqualTo("the engine section's length within the file (1 bytes remain), not 2147483647");
  }

  @Test
  void aHostileCountIsAnErrorNotAnAllocation() {
    byte[][] s = requiredSections();
    byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    ArtifactFormatException pastLimit = refusal(file(1, s[0], s[1], s[2], s[3], section(5, huge)));
    ArtifactFormatException pastEnd =
        refusal(file(1, s[0], s[1], s[2], s[3], section(5, new byte[] {0, 0, 0, 9})), new ReadLimits(1 << 20, 100));

    assertThat(pastLimit.expected()).isEqualTo("a count of exported functions of at most 1048576, not 4294967295");
    assertThat(pastEnd.expected()).isEqualTo("a count of exported functions that fits in the 0 bytes that remain, not 9");
  }

  @Test
  void aFileOverTheCapIsRefusedBeforeParsing() {
    byte[] f = file(1, requiredSections());

    ArtifactFormatException e = refusal(f, new ReadLimits(20, 10));

    assertThat(e.offset()).isEqualTo(20);
    assertThat(e.expected()).isEqualTo("a file of at most 20 bytes, not " + f.length);
  }

  @Test
  void bytesLeftInASectionAreRefused() {
    byte[][] s = requiredSections();

    ArtifactFormatException e = refusal(file(1, s[0], s[1], s[2], s[3], section(5, new byte[] {0, 0, 0, 0, 7})));

    assertThat(e.expected()).isEqualTo("the end of the exports section, but 1 bytes remain");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[][] s = requiredSections();
    byte[] f = file(1, s[0], s[1], section(3, new byte[] {'a', (byte) 0xc3}), s[3], s[4]);

    ArtifactFormatException e = refusal(f);

    assertThat(e.expected()).isEqualTo("the WIT text in valid UTF-8");
    assertThat(e.offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + s[0].length + s[1].length + 5);
  }

  @Test
  void anEngineIdWithControlCharactersIsRefused() {
    byte[][] s = requiredSections();

    ArtifactFormatException e = refusal(file(1, section(1, utf8("chicory\u001b[2J")), s[1], s[2], s[3], s[4]));

    assertThat(e.offset()).isEqualTo(CwasmFormat.HEADER_LENGTH + 5);
    assertThat(e.expected()).isEqualTo("an engine id of 1..1024 printable ASCII characters");
  }

  @Test
  void classesOutOfOrderAreRefused() {
    byte[][] s = requiredSections();
    ByteBuffer classes = ByteBuffer.allocate(64);
    classes.putInt(1).putInt(0).putInt(2);
    classes.putInt(1).put((byte) 'b').putInt(1).put((byte) 1);
    classes.putInt(1).put((byte) 'a').putInt(1).put((byte) 2);
    byte[] payload = Arrays.copyOf(classes.array(), classes.position());

    ArtifactFormatException e = refusal(file(1, s[0], s[1], s[2], s[3], s[4], section(6, payload)));

    assertThat(e.expected()).isEqualTo("class names in increasing order, each once, not a after b");
  }
}
