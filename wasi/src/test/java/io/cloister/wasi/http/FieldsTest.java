package io.cloister.wasi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.WasiTrap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void fromListKeepsOrderAndComparesNamesCaseInsensitively() throws Exception {
    Fields f =
        Fields.fromList(
            List.of(
                HttpField.of("Content-Type", "text/plain"),
                HttpField.of("x-a", "1"),
                HttpField.of("X-A", "2")));
    assertThat(f.get("x-a")).containsExactly(bytes("1"), bytes("2"));
    assertThat(f.has("CONTENT-TYPE")).isTrue();
    assertThat(f.entries())
        .extracting(HttpField::name)
        .containsExactly("Content-Type", "x-a", "X-A");
  }

  @Test
  void fromListRejectsBadNamesValuesAndForbiddenFields() {
    assertThatThrownBy(() -> Fields.fromList(List.of(HttpField.of("bad name", "v"))))
        .isInstanceOfSatisfying(
            HeaderException.class,
            e -> assertThat(e.error()).isEqualTo(HeaderError.INVALID_SYNTAX));
    assertThatThrownBy(() -> Fields.fromList(List.of(HttpField.of("", "v"))))
        .isInstanceOfSatisfying(
            HeaderException.class,
            e -> assertThat(e.error()).isEqualTo(HeaderError.INVALID_SYNTAX));
    assertThatThrownBy(() -> Fields.fromList(List.of(HttpField.of("x", "a\r\nInjected: 1"))))
        .isInstanceOfSatisfying(
            HeaderException.class,
            e -> {
              assertThat(e.error()).isEqualTo(HeaderError.INVALID_SYNTAX);
              assertThat(e.getMessage()).contains("offset 1");
            });
    assertThatThrownBy(() -> Fields.fromList(List.of(HttpField.of("Transfer-Encoding", "chunked"))))
        .isInstanceOfSatisfying(
            HeaderException.class, e -> assertThat(e.error()).isEqualTo(HeaderError.FORBIDDEN));
  }

  @Test
  void setDeleteAppendAndClone() throws Exception {
    Fields f = new Fields();
    f.append("a", bytes("1"));
    f.append("b", bytes("2"));
    f.set("A", List.of(bytes("x"), bytes("y")));
    assertThat(f.get("a")).containsExactly(bytes("x"), bytes("y"));
    Fields copy = f.copy();
    f.delete("a");
    assertThat(f.has("a")).isFalse();
    assertThat(copy.get("a")).hasSize(2);
    assertThat(f.get("not a token")).isEmpty();
  }

  @Test
  void frozenAndReceivedFieldsAreImmutable() throws Exception {
    Fields f = new Fields();
    f.append("a", bytes("1"));
    Fields frozen = f.frozen();
    for (ThrowingChange change :
        List.<ThrowingChange>of(
            x -> x.append("b", bytes("2")), x -> x.set("a", List.of()), x -> x.delete("a"))) {
      assertThatThrownBy(() -> change.apply(frozen))
          .isInstanceOfSatisfying(
              HeaderException.class, e -> assertThat(e.error()).isEqualTo(HeaderError.IMMUTABLE));
    }
    Fields received = Fields.received(List.of(HttpField.of("Host", "example.com")));
    assertThat(received.isImmutable()).isTrue();
    assertThat(received.get("host")).containsExactly(bytes("example.com"));
    assertThat(received.copy().isImmutable()).isFalse();
  }

  @Test
  void sizeIsBounded() {
    Fields f = new Fields();
    byte[] big = new byte[64 * 1024];
    Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 100; i++) {
                f.append("x", big);
              }
            })
        .isInstanceOf(WasiTrap.class);
  }

  interface ThrowingChange {
    void apply(Fields f) throws Exception;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
