package io.cloister.attestation.quote;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 48-byte header common to DCAP quote versions 3 and 4.
 *
 * @param version quote version (3 for SGX, 4 for TDX)
 * @param attestationKeyType 2 = ECDSA-256 with P-256, 3 = ECDSA-384 with P-384
 * @param teeType 0x00000000 for SGX, 0x00000081 for TDX (reserved, zero, in version 3)
 * @param qeSvn security version of the quoting enclave
 * @param pceSvn security version of the provisioning certification enclave
 * @param qeVendorId 16 bytes; Intel's QE uses 939a7233f79c4ca9940a0db3957f0607
 * @param userData 20 bytes of QE-defined data (the first 16 are the platform's QE ID)
 */
public record QuoteHeader(
    int version,
    int attestationKeyType,
    long teeType,
    int qeSvn,
    int pceSvn,
    byte[] qeVendorId,
    byte[] userData) {

  /** Encoded size in bytes. */
  public static final int SIZE = 48;

  /** {@link #attestationKeyType()} for ECDSA P-256, the only type this project verifies. */
  public static final int ECDSA_P256 = 2;

  /** {@link #teeType()} of an SGX quote. */
  public static final long TEE_SGX = 0x00000000L;

  /** {@link #teeType()} of a TDX quote. */
  public static final long TEE_TDX = 0x00000081L;

  /** The QE vendor ID of Intel's quoting enclave. */
  public static final byte[] INTEL_QE_VENDOR_ID =
      HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607");

  /** Validates field sizes and copies the arrays. */
  public QuoteHeader {
    if (qeVendorId.length != 16 || userData.length != 20) {
      throw new IllegalArgumentException("qeVendorId must be 16 bytes and userData 20 bytes");
    }
    qeVendorId = qeVendorId.clone();
    userData = userData.clone();
  }

  @Override
  public byte[] qeVendorId() {
    return qeVendorId.clone();
  }

  @Override
  public byte[] userData() {
    return userData.clone();
  }

  static QuoteHeader read(QuoteReader r) throws QuoteFormatException {
    int version = r.u16("header.version");
    int keyType = r.u16("header.att_key_type");
    long teeType = r.u32("header.tee_type");
    int qeSvn = r.u16("header.qe_svn");
    int pceSvn = r.u16("header.pce_svn");
    byte[] vendor = r.bytes("header.qe_vendor_id", 16);
    byte[] user = r.bytes("header.user_data", 20);
    return new QuoteHeader(version, keyType, teeType, qeSvn, pceSvn, vendor, user);
  }

  /** The header's 48 bytes, exactly as in the quote. */
  public byte[] encode() {
    return new LittleEndian()
        .u16(version)
        .u16(attestationKeyType)
        .u32(teeType)
        .u16(qeSvn)
        .u16(pceSvn)
        .bytes(qeVendorId)
        .bytes(userData)
        .toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuoteHeader h && Arrays.equals(encode(), h.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "QuoteHeader[version="
        + version
        + ", teeType=0x"
        + Long.toHexString(teeType)
        + ", qeSvn="
        + qeSvn
        + ", pceSvn="
        + pceSvn
        + "]";
  }
}
