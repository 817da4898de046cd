package io.cloister.attestation.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cloister.attestation.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedQuoteTest {
  private static final byte[] SGX = Fixtures.bytes("sgx_quote");
  private static final byte[] TDX = Fixtures.bytes("tdx_quote");
  // Offsets in the SGX fixture: signature data size at 432, QE auth data size at 1012,
  // certification data type at 1046 and size at 1048.
  private static final int SIG_SIZE = 432;
  private static final int AUTH_SIZE = 436 + 64 + 64 + 384 + 64;
  private static final int CERT_TYPE = AUTH_SIZE + 2 + 32;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sgx_quote", "tdx_quote"})
  void everyTruncationIsAQuoteFormatException(String fixture) {
    byte[] quote = Fixtures.bytes(fixture);
    int unpadded = fixture.equals("tdx_quote") ? quote.length - 70 : quote.length;
    for (int len = 0; len < unpadded; len++) {
      byte[] cut = Arrays.copyOf(quote, len);
      Throwable t = catchThrowable(() -> Quote.parse(cut));
      assertThat(t).as("truncated to %d bytes", len).isInstanceOf(QuoteFormatException.class);
      assertThat(((QuoteFormatException) t).offset()).isBetween(0L, (long) len);
    }
  }

  @ParameterizedTest(name = "truncated to {0} bytes: {1} at {2}")
  @CsvSource({
    "0, header.version, 0",
    "3, header.att_key_type, 2",
    "47, header.user_data, 28",
    "100, report_body, 48",
    "432, signature_data.size, 432",
    "435, signature_data.size, 432",
    "436, signature_data, 432",
    "4599, signature_data, 432"
  })
  void truncationNamesTheFieldAndOffset(int length, String field, long offset) {
    QuoteFormatException e = parseFailure(Arrays.copyOf(SGX, length));
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @Test
  void hugeDeclaredLengthsAreRefusedWithTheirOffset() {
    QuoteFormatException sig = parseFailure(withU32(SGX, SIG_SIZE, 0xFFFFFFFFL));
    assertThat(sig.field()).isEqualTo("signature_data");
    assertThat(sig.offset()).isEqualTo(SIG_SIZE);

    QuoteFormatException auth = parseFailure(withU16(SGX, AUTH_SIZE, 0xFFFF));
    assertThat(auth.field()).isEqualTo("qe_auth_data");
    assertThat(auth.offset()).isEqualTo(AUTH_SIZE);

    QuoteFormatException cert = parseFailure(withU32(SGX, CERT_TYPE + 2, 0x7FFFFFFFL));
    assertThat(cert.field()).isEqualTo("certification_data.data");
    assertThat(cert.offset()).isEqualTo(CERT_TYPE + 2);
  }

  @Test
  void inconsistentLengthsAreRefused() {
    // Signature data one byte shorter than its content: the certification data overruns it.
    QuoteFormatException shorter = parseFailure(withU32(SGX, SIG_SIZE, SGX.length - 436 - 1));
    assertThat(shorter.field()).isEqualTo("certification_data.data");
    // Certification data one byte shorter: its last byte becomes trailing signature data.
    long certSize = SGX.length - (CERT_TYPE + 6);
    QuoteFormatException trailing = parseFailure(withU32(SGX, CERT_TYPE + 2, certSize - 1));
    assertThat(trailing.field()).isEqualTo("signature_data");
    assertThat(trailing.getMessage()).contains("1 unexpected trailing bytes");
  }

  @Test
  void nonZeroTrailingBytesAndOversizedInputAreRefused() {
    byte[] extra = Arrays.copyOf(SGX, SGX.length + 1);
    extra[SGX.length] = 1;
    assertThat(parseFailure(extra).offset()).isEqualTo(SGX.length);
    assertThat(parseFailure(new byte[Quote.MAX_SIZE + 1]).field()).isEqualTo("quote");
    byte[] tdxPadding = TDX.clone();
    tdxPadding[TDX.length - 1] = 7;
    assertThat(parseFailure(tdxPadding).offset()).isEqualTo(TDX.length - 1);
  }

  @Test
  void unsupportedVersionsAndKeyTypesAreRefused() {
    assertThat(parseFailure(withU16(SGX, 0, 2)).field()).isEqualTo("header.version");
    assertThat(parseFailure(withU16(SGX, 2, 3)).field()).isEqualTo("header.att_key_type");
    assertThatThrownBy(() -> SgxQuote.parse(TDX)).isInstanceOf(QuoteFormatException.class);
    assertThatThrownBy(() -> TdxQuote.parse(SGX)).isInstanceOf(QuoteFormatException.class);
  }

  @Test
  void everySingleByteCorruptionOfLengthsGivesOnlyQuoteFormatExceptions() {
    int[] lengthFields = {
      SIG_SIZE,
      SIG_SIZE + 1,
      SIG_SIZE + 2,
      SIG_SIZE + 3,
      AUTH_SIZE,
      AUTH_SIZE + 1,
      CERT_TYPE + 2,
      CERT_TYPE + 3,
      CERT_TYPE + 4,
      CERT_TYPE + 5
    };
    for (int off : lengthFields) {
      for (int v = 0; v < 256; v++) {
        byte[] q = SGX.clone();
        if ((q[off] & 0xff) == v) {
          continue;
        }
        q[off] = (byte) v;
        assertThat(catchThrowable(() -> Quote.parse(q)))
            .as("byte %d set to %d", off, v)
            .isInstanceOf(QuoteFormatException.class);
      }
    }
  }

  private static QuoteFormatException parseFailure(byte[] quote) {
    Throwable t = catchThrowable(() -> Quote.parse(quote));
    assertThat(t).isInstanceOf(QuoteFormatException.class);
    return (QuoteFormatException) t;
  }

  private static byte[] withU16(byte[] b, int off, int v) {
    byte[] c = b.clone();
    c[off] = (byte) v;
    c[off + 1] = (byte) (v >>> 8);
    return c;
  }

  private static byte[] withU32(byte[] b, int off, long v) {
    byte[] c = b.clone();
    for (int i = 0; i < 4; i++) {
      c[off + i] = (byte) (v >>> (8 * i));
    }
    return c;
  }
}
