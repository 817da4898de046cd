package io.cloister.component.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.types.PrimitiveType;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed components, hand-assembled with {@link BinaryWriter} or made by mutating the shared
 * fixtures: each must be rejected with a {@link ComponentDecodeException} whose offset points at
 * the faulty bytes (or the definition holding them) and whose rule names what is wrong.
 */
class MalformedComponentSuiteTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  /** Sections: type, canon, import, export, alias, instance, core instance, core module. */
  private static final int TYPE = 7;
  private static final int CANON = 8;
  private static final int IMPORT = 10;
  private static final int EXPORT = 11;
  private static final int ALIAS = 6;
  private static final int INSTANCE = 5;
  private static final int CORE_INSTANCE = 2;
  private static final int CORE_MODULE = 1;

  /** Offset of the first section's id, of its size, and of a one-byte-sized section's body. */
  private static final int SECTION = 8;
  private static final int SIZE = 9;
  private static final int BODY = 10;

  // ---- preamble ----

  @Test
  void preamble() {
    assertRejected(new byte[] {0, 'a', 's', 'm'}, 0, "too short");
    assertRejected(new byte[] {0, 'a', 's', 'n', 0x0d, 0, 1, 0}, 0, "magic");
    assertRejected(new byte[] {0, 'a', 's', 'm', 0x0c, 0, 1, 0}, 4, "version");
    assertRejected(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 2, 0}, 4, "layer");
    assertRejected(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 4, "core module");
  }

  // ---- section framing ----

  @Test
  void sectionFraming() {
    assertRejected(BinaryWriter.component().section(13, new byte[0]).toByteArray(), SECTION, "unknown section id");
    assertRejected(BinaryWriter.component().bytes(TYPE, 0x10, 0x00).toByteArray(), SIZE, "exceeds");
    // One u32 type and a stray byte.
    assertRejected(section(TYPE, 0x01, 0x79, 0x00), BODY + 2, "left over");
  }

  // ---- LEB128 ----

  @Test
  void leb128() {
    assertRejected(BinaryWriter.component().bytes(TYPE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).toByteArray(),
        SIZE, "longer than 5 bytes");
    assertRejected(BinaryWriter.component().bytes(TYPE, 0xff, 0xff, 0xff, 0xff, 0x1f).toByteArray(),
        SIZE, "overflows");

    // import "f" (func (type <index>)): the index is at BODY + 5.
    assertRejected(section(IMPORT, 0x01, 0x00, 0x01, 'f', 0x01, 0xff, 0xff, 0xff, 0xff, 0x7f), BODY + 5, "overflows");
    assertRejected(section(IMPORT, 0x01, 0x00, 0x01, 'f', 0x01, 0x80, 0x80, 0x80, 0x80, 0x08), BODY + 5, "too large");
  }

  @Test
  void overlongLeb128WithinFiveBytesIsAccepted() throws Exception {
    // The binary format allows padded LEB128 up to ceil(32/7) bytes: size 3 in 4 bytes, count 1 in 2.
    byte[] bytes = BinaryWriter.component().bytes(TYPE, 0x83, 0x80, 0x80, 0x00, 0x81, 0x00, 0x79).toByteArray();

    assertThat(ValidatedComponent.of(bytes).types()).containsExactly(PrimitiveType.U32);
  }

  // ---- huge sizes and counts ----

  @Test
  void hugeCountsAreRejectedBeforeAllocating() {
    // A vector count of 2^32-1 in a 10-byte section.
    assertRejectedCheaply(section(TYPE, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0, 0), BODY, "too large");
    // A count of 2^28-1 that fits an int but not the 5 remaining bytes.
    assertRejectedCheaply(section(TYPE, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 0, 0), BODY, "exceeds");
    // A record type claiming 2^28-1 fields.
    assertRejectedCheaply(section(TYPE, 0x01, 0x72, 0xff, 0xff, 0xff, 0x7f, 0x00), BODY + 2, "exceeds");
    // An import name of 2^31-1 bytes.
    assertRejectedCheaply(section(IMPORT, 0x01, 0x00, 0xff, 0xff, 0xff, 0xff, 0x07, 'f'), BODY + 2, "name length");
    // A section of 2^32-1 bytes.
    assertRejectedCheaply(BinaryWriter.component().bytes(TYPE, 0xff, 0xff, 0xff, 0xff, 0x0f, 0).toByteArray(), SIZE, "too large");
  }

  /** A rejection that allocates no more than a few MiB, whatever size the input claims. */
  private static void assertRejectedCheaply(byte[] bytes, long offset, String keyword) {
    long before = allocatedBytes();
    ComponentDecodeException e = rejection(bytes);
    long allocated = allocatedBytes() - before;
    assertThat(allocated).as("bytes allocated rejecting \"%s\"", e.rule()).isLessThan(16L << 20);
    assertThat(e.rule()).contains(keyword);
    assertThat(e.offset()).isEqualTo(offset);
  }

  // ---- out-of-range indices, one per sort ----

  static Stream<Arguments> exportedSorts() {
    return Stream.of(
        Arguments.of("core module", new int[] {0x00, 0x11}),
        Arguments.of("func", new int[] {0x01}),
        Arguments.of("value", new int[] {0x02}),
        Arguments.of("type", new int[] {0x03}),
        Arguments.of("component", new int[] {0x04}),
        Arguments.of("instance", new int[] {0x05}));
  }

  @ParameterizedTest(name = "export of {0} 7")
  @MethodSource("exportedSorts")
  void exportOfAMissingItem(String sort, int[] sortBytes) {
    BinaryWriter body = new BinaryWriter().u32(1).externName("x").bytes(sortBytes).u32(7).bytes(0x00);

    // The validator reports a definition by its first byte: the export after the count.
    ComponentDecodeException e = assertRejected(section(EXPORT, body), BODY + 1, "out of bounds");
    assertThat(e.rule()).contains(" 7 ");
  }

  @Test
  void indicesOutOfRangeInEveryKindOfDefinition() {
    // (alias export 0 "f" (func)) with no instance.
    assertRejected(section(ALIAS, new BinaryWriter().u32(1).bytes(0x01, 0x00).u32(0).name("f")), BODY + 1, "out of bounds");
    // (alias core export 0 "f" (core func)) with no core instance.
    assertRejected(section(ALIAS, new BinaryWriter().u32(1).bytes(0x00, 0x00, 0x01).u32(0).name("f")), BODY + 1, "out of bounds");
    // (alias outer 5 0 (type)) from the outermost component.
    assertRejected(section(ALIAS, 0x01, 0x03, 0x02, 0x05, 0x00), BODY + 1, "enclosing");
    // (canon lower (func 0)) and (canon lift (core func 0) (type 0)) with nothing defined.
    assertRejected(section(CANON, 0x01, 0x01, 0x00, 0x00, 0x00), BODY + 1, "out of bounds");
    assertRejected(section(CANON, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00), BODY + 1, "out of bounds");
    // (canon resource.new (type 0)).
    assertRejected(section(CANON, 0x01, 0x02, 0x00), BODY + 1, "out of bounds");
    // (instance (instantiate (component 0))) and (core instance (instantiate (module 0))).
    assertRejected(section(INSTANCE, 0x01, 0x00, 0x00, 0x00), BODY + 1, "out of bounds");
    assertRejected(section(CORE_INSTANCE, 0x01, 0x00, 0x00, 0x00), BODY + 1, "out of bounds");
    // (type (list 5)) refers to a type that does not exist.
    assertRejected(section(TYPE, 0x01, 0x70, 0x05), BODY + 1, "out of bounds");
  }

  // ---- type mismatches ----

  @Test
  void canonLiftOfACoreFunctionWithTheRightTypeIsValid() throws Exception {
    ValidatedComponent c = ValidatedComponent.of(liftComponent(1));

    // The lift defines func 0; exporting it defines func 1.
    assertThat(c.funcs()).hasSize(2);
    assertThat(c.type().exports()).extracting(d -> d.name()).containsExactly("f");
  }

  @Test
  void canonLiftOfACoreFunctionWithTheWrongType() {
    // The core function is (i32) -> i32; a component function of two u32 lowers to (i32, i32) -> i32.
    byte[] bytes = liftComponent(2);
    ComponentDecodeException e = assertRejected(bytes, canonDefinitionOffset(bytes), "canon lift");
    assertThat(e.rule()).contains("core type is (I32) -> (I32)").contains("needs (I32,I32) -> (I32)");
  }

  @Test
  void wrongSorts() {
    // (export "f" (core func 0)): a component cannot export a core function.
    assertRejected(section(EXPORT, new BinaryWriter().u32(1).externName("f").bytes(0x00, 0x00).u32(0).bytes(0x00)),
        BODY + 1, "cannot be a component-level item");
    // (type u32) (import "f" (func (type 0))): type 0 is not a function type.
    byte[] bytes = BinaryWriter.component()
        .section(TYPE, new BinaryWriter().u32(1).bytes(0x79).toByteArray())
        .section(IMPORT, new BinaryWriter().u32(1).externName("f").bytes(0x01).u32(0).toByteArray())
        .toByteArray();
    assertRejected(bytes, bytes.length - 5, "not a function type");
    // (type u32) (type (own 0)): own of something that is not a resource.
    assertRejected(section(TYPE, 0x02, 0x79, 0x69, 0x00), BODY + 2, "not a resource type");
    // An export that ascribes an instance type to a function.
    byte[] lifted = liftComponent(1);
    byte[] ascribed = withSection(withSection(lifted, TYPE, new BinaryWriter().u32(1).bytes(0x42).u32(0).toByteArray()),
        EXPORT, new BinaryWriter().u32(1).externName("g").bytes(0x01).u32(0).bytes(0x01, 0x05).u32(1).toByteArray());
    assertRejected(ascribed, ascribed.length - 8, "ascribes");
  }

  // ---- duplicate names ----

  @Test
  void duplicateImportAndExportNames() {
    byte[] imports = BinaryWriter.component()
        .section(TYPE, new BinaryWriter().u32(1).bytes(0x40, 0x00, 0x01, 0x00).toByteArray())
        .section(IMPORT, new BinaryWriter().u32(2).externName("f").bytes(0x01, 0x00).externName("f").bytes(0x01, 0x00).toByteArray())
        .toByteArray();
    assertRejected(imports, imports.length - 5, "duplicate import \"f\"");

    byte[] lifted = liftComponent(1);
    byte[] exports = withSection(lifted, EXPORT, new BinaryWriter().u32(1).externName("f").bytes(0x01, 0x00, 0x00).toByteArray());
    assertRejected(exports, lifted.length + 3, "duplicate export \"f\"");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureWithItsExportSectionRepeated(String fixture) throws Exception {
    byte[] original = fixture(fixture);
    SectionLayout.Section exports = lastSection(original, EXPORT);
    byte[] body = Arrays.copyOfRange(original, exports.bodyStart(), exports.end());
    byte[] bytes = withSection(original, EXPORT, body);

    int count = lebLength(body, 0);
    int sizeLength = exports.bodyStart() - exports.sizeOffset();
    assertRejected(bytes, original.length + 1 + sizeLength + count, "duplicate export");
  }

  // ---- invalid UTF-8 ----

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("bad continuation", new int[] {0xc3, 0x28}),
        Arguments.of("overlong NUL", new int[] {0xc0, 0x80}),
        Arguments.of("surrogate", new int[] {0xed, 0xa0, 0x80}),
        Arguments.of("cut sequence", new int[] {0x61, 0xe2, 0x82}),
        Arguments.of("0xff", new int[] {0xff}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8ImportName(String what, int[] name) {
    BinaryWriter body = new BinaryWriter().u32(1).bytes(0x00).u32(name.length).bytes(name).bytes(0x01, 0x00);

    // Reported at the name's first byte, after the kind byte and the length.
    assertRejected(section(IMPORT, body), BODY + 3, "UTF-8");
  }

  @Test
  void invalidUtf8InAFixtureExportName() throws Exception {
    byte[] bytes = fixture("adder.component.wasm");
    SectionLayout.Section exports = lastSection(bytes, EXPORT);
    byte[] name = "docs:adder/add@0.1.0".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, name, exports.bodyStart());
    assertThat(at).as("export name in the last export section").isPositive().isLessThan(exports.end());
    bytes[at + 4] = (byte) 0xff;

    assertRejected(bytes, at, "UTF-8");
  }

  // ---- core modules the runtime's parser (Chicory) rejects ----

  @Test
  void coreModuleThatCrashedChicorysParserIsATypedError() throws Exception {
    // Fuzz finding (run seed 1125, input seed 6385463235138609671): six bit flips in adder's main
    // core module made Chicory's code parser throw a NullPointerException.
    byte[] bytes = fixture("adder.component.wasm");
    int[][] flips = {{10025, 6}, {14037, 3}, {4331, 1}, {5066, 0}, {12010, 4}, {10754, 3}};
    for (int[] f : flips) {
      bytes[f[0]] ^= (byte) (1 << f[1]);
    }
    SectionLayout.Section module = SectionLayout.of(bytes).sections().stream()
        .filter(s -> s.id() == CORE_MODULE && s.start() <= 4331 && 4331 < s.end())
        .findFirst()
        .orElseThrow();
    ValidatedComponent.of(bytes); // the component layer itself is still well formed

    try {
      Component.compile(bytes, EngineOptions.interpreted());
      fail("compiled a component whose core module is malformed");
    } catch (ComponentDecodeException e) {
      assertThat(e.rule()).startsWith("invalid core module");
      assertThat(e.offset()).as("the core module's first byte").isEqualTo(module.bodyStart());
    }
  }

  // ---- truncation of every fixture ----

  static Stream<String> fixtures() throws Exception {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wasm")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void truncatedAtEverySectionBoundary(String fixture) throws Exception {
    byte[] bytes = fixture(fixture);
    for (SectionLayout.Section s : SectionLayout.of(bytes).sections()) {
      // Cut after the id byte: the size is missing.
      assertRejected(Arrays.copyOf(bytes, s.start() + 1), s.start() + 1, "unexpected end");
      if (s.end() > s.bodyStart()) {
        // Cut one byte short: the size promises more than is there (cuts elsewhere in a body are
        // sampled below).
        assertRejected(Arrays.copyOf(bytes, s.end() - 1), s.sizeOffset(), "exceeds");
      }
      // Cut exactly at the boundary: well framed, so it decodes or fails validation cleanly.
      byte[] prefix = Arrays.copyOf(bytes, s.start());
      try {
        ValidatedComponent.of(prefix);
      } catch (ComponentDecodeException e) {
        assertThat(e.offset()).isBetween(0L, (long) s.start());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void truncatedAtSampledOffsets(String fixture) throws Exception {
    byte[] bytes = fixture(fixture);
    List<Integer> boundaries = new ArrayList<>();
    SectionLayout.of(bytes).sections().forEach(s -> boundaries.add(s.start()));
    for (int len = 0; len < bytes.length; len += 1 + len / 3 + (len % 7)) {
      if (boundaries.contains(len)) {
        continue;
      }
      ComponentDecodeException e = rejection(Arrays.copyOf(bytes, len));
      assertThat(e.offset()).as("offset for a cut at %d", len).isBetween(0L, (long) len);
      assertThat(e.rule()).containsAnyOf("unexpected end", "exceeds", "too short");
    }
  }

  @Test
  void nestedComponentSectionSizeIsCheckedWithAbsoluteOffsets() throws Exception {
    byte[] bytes = fixture("simple-nested.component.wasm");
    SectionLayout.Section nested = SectionLayout.of(bytes).sections().stream()
        .filter(s -> s.id() == 4).findFirst().orElseThrow();
    byte[] inner = Arrays.copyOfRange(bytes, nested.bodyStart(), nested.end());
    SectionLayout.Section innerLast = SectionLayout.of(inner).sections().getLast();
    // Grow the last inner section's size by one while keeping its encoded length.
    int sizeAt = nested.bodyStart() + innerLast.sizeOffset();
    int sizeLength = innerLast.bodyStart() - innerLast.sizeOffset();
    long size = leb(bytes, sizeAt);
    byte[] grown = padded(size + 1, sizeLength);
    System.arraycopy(grown, 0, bytes, sizeAt, sizeLength);

    assertRejected(bytes, sizeAt, "exceeds");
  }

  // ---- helpers ----

  /** A component with a core module exporting {@code f: (i32) -> i32}, lifted with {@code params} u32 parameters and exported as "f". */
  private static byte[] liftComponent(int params) {
    byte[] core = {
      0, 'a', 's', 'm', 1, 0, 0, 0,
      1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, // type (i32) -> i32
      3, 2, 1, 0, // func 0 has type 0
      7, 5, 1, 1, 'f', 0, 0, // export "f" func 0
      10, 6, 1, 4, 0, 0x20, 0, 0x0b // body: local.get 0
    };
    BinaryWriter funcType = new BinaryWriter().u32(1).bytes(0x40).u32(params);
    for (int i = 0; i < params; i++) {
      funcType.name("p" + i).bytes(0x79);
    }
    funcType.bytes(0x00, 0x79);
    return BinaryWriter.component()
        .section(CORE_MODULE, core)
        .section(CORE_INSTANCE, new BinaryWriter().u32(1).bytes(0x00).u32(0).u32(0).toByteArray())
        .section(ALIAS, new BinaryWriter().u32(1).bytes(0x00, 0x00, 0x01).u32(0).name("f").toByteArray())
        .section(TYPE, funcType.toByteArray())
        .section(CANON, new BinaryWriter().u32(1).bytes(0x00, 0x00).u32(0).u32(0).u32(0).toByteArray())
        .section(EXPORT, new BinaryWriter().u32(1).externName("f").bytes(0x01).u32(0).bytes(0x00).toByteArray())
        .toByteArray();
  }

  /** The offset of the canon lift definition in a {@link #liftComponent}: after the canon section's header and count. */
  private static int canonDefinitionOffset(byte[] bytes) {
    SectionLayout.Section canon = lastSection(bytes, CANON);
    return canon.bodyStart() + 1;
  }

  private static byte[] section(int id, int... body) {
    return BinaryWriter.component().section(id, new BinaryWriter().bytes(body).toByteArray()).toByteArray();
  }

  private static byte[] section(int id, BinaryWriter body) {
    return BinaryWriter.component().section(id, body.toByteArray()).toByteArray();
  }

  private static byte[] withSection(byte[] component, int id, byte[] body) {
    return new BinaryWriter().bytes(component).section(id, body).toByteArray();
  }

  private static SectionLayout.Section lastSection(byte[] bytes, int id) {
    return SectionLayout.of(bytes).sections().stream().filter(s -> s.id() == id).reduce((a, b) -> b).orElseThrow();
  }

  private static byte[] fixture(String name) throws Exception {
    return Files.readAllBytes(FIXTURES.resolve(name));
  }

  private static long leb(byte[] bytes, int at) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = bytes[at++] & 0xff;
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
  }

  private static int lebLength(byte[] bytes, int at) {
    int end = at;
    while ((bytes[end] & 0x80) != 0) {
      end++;
    }
    return end + 1 - at;
  }

  /** {@code value} as LEB128 padded to exactly {@code length} bytes. */
  private static byte[] padded(long value, int length) {
    byte[] out = new byte[length];
    long v = value;
    for (int i = 0; i < length; i++) {
      out[i] = (byte) ((v & 0x7f) | (i < length - 1 ? 0x80 : 0));
      v >>>= 7;
    }
    assertThat(v).as("value fits in %d LEB128 bytes", length).isZero();
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static ComponentDecodeException rejection(byte[] bytes) {
    try {
      ValidatedComponent.of(bytes);
    } catch (ComponentDecodeException e) {
      return e;
    }
    return fail("accepted a malformed component of %d bytes", bytes.length);
  }

  /** Asserts a typed rejection at exactly {@code offset} whose rule mentions {@code keyword}. */
  private static ComponentDecodeException assertRejected(byte[] bytes, long offset, String keyword) {
    ComponentDecodeException e = rejection(bytes);
    assertThat(e.rule()).as("rule (at %d)", e.offset()).contains(keyword);
    assertThat(e.offset()).as("offset of \"%s\"", e.rule()).isEqualTo(offset);
    return e;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
