package io.cloister.component.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Malformed and hostile binaries fail with a typed error naming the offset and the rule. */
class MalformedDecodeTest {
  private static final byte[] PREAMBLE = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};

  private static byte[] component(int... body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PREAMBLE);
    for (int b : body) {
      out.write(b);
    }
    return out.toByteArray();
  }

  private static ComponentDecodeException failure(byte[] bytes) {
    try {
      ValidatedComponent.of(bytes);
    } catch (ComponentDecodeException e) {
      return e;
    }
    throw new AssertionError("decoded without error: " + Arrays.toString(bytes));
  }

  @Test
  void emptyMinimalComponentIsValid() throws Exception {
    assertThat(ValidatedComponent.of(component()).type().imports()).isEmpty();
  }

  @Test
  void rejectsCoreModuleAndBadMagic() {
    assertThat(failure(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).rule()).contains("core module");
    assertThat(failure(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).rule()).contains("magic");
    assertThat(failure(new byte[] {0, 'a'}).offset()).isZero();
  }

  @Test
  void rejectsSectionLongerThanInput() {
    ComponentDecodeException e = failure(component(7, 0x7f, 1));
    assertThat(e.offset()).isEqualTo(9);
    assertThat(e.rule()).contains("section size");
  }

  @Test
  void rejectsOverlongAndOverflowingLeb128() {
    // type section whose size is a 6-byte LEB128
    assertThat(failure(component(7, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00)).rule()).contains("LEB128");
    // 5-byte LEB128 with bits beyond 32
    assertThat(failure(component(7, 0xff, 0xff, 0xff, 0xff, 0x7f)).rule()).contains("overflows");
  }

  @Test
  void rejectsHugeCountBeforeAllocating() {
    // type section of 5 bytes claiming 0x0fffffff types
    ComponentDecodeException e = failure(component(7, 5, 0xff, 0xff, 0xff, 0x7f, 0x00));
    assertThat(e.rule()).contains("count").contains("remaining");
  }

  @Test
  void rejectsInvalidUtf8Names() {
    // import section: 1 import, name kind 0, length 2, bytes 0xc3 0x28 (invalid UTF-8)
    ComponentDecodeException e = failure(component(10, 7, 1, 0, 2, 0xc3, 0x28, 1, 0));
    assertThat(e.rule()).contains("UTF-8");
  }

  @Test
  void rejectsOutOfBoundsIndices() {
    // import "f" (func (type 0)) with no type defined
    ComponentDecodeException e = failure(component(10, 6, 1, 0, 1, 'f', 1, 0));
    assertThat(e.rule()).contains("type index 0 out of bounds");
    assertThat(e.offset()).isEqualTo(11);
  }

  @Test
  void rejectsDeepNesting() {
    byte[] inner = component();
    for (int i = 0; i < ComponentDecoder.MAX_DEPTH + 1; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(PREAMBLE);
      out.write(4);
      writeU32(out, inner.length);
      out.writeBytes(inner);
      inner = out.toByteArray();
    }
    assertThat(failure(inner).rule()).contains("nested deeper");
  }

  @Test
  void everyTruncationOfARealComponentFailsCleanly() throws Exception {
    byte[] adder = Files.readAllBytes(FixtureDecodeTest.FIXTURES.resolve("adder.component.wasm"));
    for (int len = 0; len < adder.length; len += 13) {
      ComponentDecodeException e = failure(Arrays.copyOf(adder, len));
      assertThat(e.offset()).isBetween(0L, (long) len);
    }
  }

  private static void writeU32(ByteArrayOutputStream out, int v) {
    do {
      int b = v & 0x7f;
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
