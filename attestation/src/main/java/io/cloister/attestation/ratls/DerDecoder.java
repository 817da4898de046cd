package io.cloister.attestation.ratls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;

/**
 * Strict DER decoding of one extension's value: every failure names the extension's OID and the
 * field that is wrong.
 */
final class DerDecoder {

  private final ASN1ObjectIdentifier oid;

  DerDecoder(ASN1ObjectIdentifier oid) {
    this.oid = oid;
  }

  /** Parses {@code der} as exactly one DER-encoded value (BER and trailing bytes refused). */
  ASN1Primitive parse(byte[] der) throws MalformedExtensionException {
    ASN1Primitive value;
    try {
      value = ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new MalformedExtensionException(oid, "value is not valid DER: " + e.getMessage(), e);
    }
    byte[] reencoded;
    try {
      reencoded = value.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new MalformedExtensionException(oid, "value cannot be DER-encoded", e);
    }
    if (!Arrays.equals(reencoded, der)) {
      throw new MalformedExtensionException(
          oid,
          "value is not in canonical DER or has trailing bytes ("
              + der.length
              + " bytes, "
              + reencoded.length
              + " in DER)");
    }
    return value;
  }

  String utf8(ASN1Encodable value, String field) throws MalformedExtensionException {
    if (!(value instanceof ASN1UTF8String s)) {
      throw new MalformedExtensionException(
          oid, field + ": expected UTF8String, found " + kind(value));
    }
    byte[] encoded;
    try {
      encoded = s.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new MalformedExtensionException(oid, field + ": UTF8String cannot be encoded", e);
    }
    // Content follows the tag byte and the DER length (short form, or 0x8N and N bytes).
    int lengthByte = encoded[1] & 0xff;
    int offset = 2 + (lengthByte >= 0x80 ? lengthByte & 0x7f : 0);
    try {
      // Refuse ill-formed UTF-8 rather than silently substituting U+FFFD.
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(encoded, offset, encoded.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedExtensionException(oid, field + ": UTF8String holds ill-formed UTF-8", e);
    }
  }

  byte[] octets(ASN1Encodable value, String field, int expectedLength)
      throws MalformedExtensionException {
    if (!(value instanceof ASN1OctetString s)) {
      throw new MalformedExtensionException(
          oid, field + ": expected OCTET STRING, found " + kind(value));
    }
    byte[] bytes = s.getOctets();
    if (expectedLength >= 0 && bytes.length != expectedLength) {
      throw new MalformedExtensionException(
          oid, field + ": expected " + expectedLength + " bytes, found " + bytes.length);
    }
    return bytes;
  }

  ASN1Sequence sequence(ASN1Encodable value, String field, int expectedSize)
      throws MalformedExtensionException {
    if (!(value instanceof ASN1Sequence s)) {
      throw new MalformedExtensionException(
          oid, field + ": expected SEQUENCE, found " + kind(value));
    }
    if (expectedSize >= 0 && s.size() != expectedSize) {
      throw new MalformedExtensionException(
          oid, field + ": expected " + expectedSize + " elements, found " + s.size());
    }
    return s;
  }

  long nonNegativeInt(ASN1Encodable value, String field, long max)
      throws MalformedExtensionException {
    if (!(value instanceof ASN1Integer i)) {
      throw new MalformedExtensionException(
          oid, field + ": expected INTEGER, found " + kind(value));
    }
    BigInteger v = i.getValue();
    if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new MalformedExtensionException(oid, field + ": " + v + " is outside 0.." + max);
    }
    return v.longValueExact();
  }

  MalformedExtensionException error(String problem) {
    return new MalformedExtensionException(oid, problem);
  }

  private static String kind(ASN1Encodable value) {
    return value.getClass().getSimpleName().replaceFirst("^(DER|DL|BER|ASN1)", "");
  }
}
