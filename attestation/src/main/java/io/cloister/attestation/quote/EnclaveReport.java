package io.cloister.attestation.quote;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An SGX enclave report body (384 bytes): the application enclave's identity in an SGX quote, and
 * the quoting enclave's identity in the certification data. Immutable; accessors copy.
 */
public final class EnclaveReport {
  /** Encoded size in bytes. */
  public static final int SIZE = 384;

  /** Bit 1 of the attributes' flags: the enclave was launched in debug mode. */
  public static final int FLAG_DEBUG = 0x02;

  // Field offsets from Intel's sgx_report_body_t.
  private static final int CPU_SVN = 0;
  private static final int MISC_SELECT = 16;
  private static final int ATTRIBUTES = 48;
  private static final int MR_ENCLAVE = 64;
  private static final int MR_SIGNER = 128;
  private static final int ISV_PROD_ID = 256;
  private static final int ISV_SVN = 258;
  private static final int REPORT_DATA = 320;

  private final byte[] raw;

  private EnclaveReport(byte[] raw) {
    this.raw = raw;
  }

  /** Wraps the 384 bytes of a report body. */
  public static EnclaveReport of(byte[] raw) {
    if (raw.length != SIZE) {
      throw new IllegalArgumentException("an enclave report body has 384 bytes, not " + raw.length);
    }
    return new EnclaveReport(raw.clone());
  }

  /** Builds a report body from its meaningful fields; reserved bytes are zero. */
  public static EnclaveReport build(
      byte[] cpuSvn,
      long miscSelect,
      byte[] attributes,
      byte[] mrEnclave,
      byte[] mrSigner,
      int isvProdId,
      int isvSvn,
      byte[] reportData) {
    byte[] b = new byte[SIZE];
    put(b, CPU_SVN, cpuSvn, 16);
    byte[] misc = new LittleEndian().u32(miscSelect).toByteArray();
    System.arraycopy(misc, 0, b, MISC_SELECT, 4);
    put(b, ATTRIBUTES, attributes, 16);
    put(b, MR_ENCLAVE, mrEnclave, 32);
    put(b, MR_SIGNER, mrSigner, 32);
    byte[] ids = new LittleEndian().u16(isvProdId).u16(isvSvn).toByteArray();
    System.arraycopy(ids, 0, b, ISV_PROD_ID, 4);
    put(b, REPORT_DATA, reportData, 64);
    return new EnclaveReport(b);
  }

  private static void put(byte[] b, int off, byte[] v, int len) {
    if (v.length != len) {
      throw new IllegalArgumentException("field at offset " + off + " needs " + len + " bytes");
    }
    System.arraycopy(v, 0, b, off, len);
  }

  static EnclaveReport read(QuoteReader r, String field) throws QuoteFormatException {
    return new EnclaveReport(r.bytes(field, SIZE));
  }

  /** The 384 bytes exactly as in the quote. */
  public byte[] encode() {
    return raw.clone();
  }

  /** CPUSVN, 16 bytes. */
  public byte[] cpuSvn() {
    return Arrays.copyOfRange(raw, CPU_SVN, CPU_SVN + 16);
  }

  /** MISCSELECT. */
  public long miscSelect() {
    return LittleEndian.u32At(raw, MISC_SELECT);
  }

  /** ATTRIBUTES, 16 bytes (8 bytes of flags, then XFRM). */
  public byte[] attributes() {
    return Arrays.copyOfRange(raw, ATTRIBUTES, ATTRIBUTES + 16);
  }

  /** Whether the DEBUG attribute is set: a debug enclave's memory is readable by its host. */
  public boolean debug() {
    return (raw[ATTRIBUTES] & FLAG_DEBUG) != 0;
  }

  /** MRENCLAVE, 32 bytes. */
  public byte[] mrEnclave() {
    return Arrays.copyOfRange(raw, MR_ENCLAVE, MR_ENCLAVE + 32);
  }

  /** MRSIGNER, 32 bytes. */
  public byte[] mrSigner() {
    return Arrays.copyOfRange(raw, MR_SIGNER, MR_SIGNER + 32);
  }

  /** ISV product ID. */
  public int isvProdId() {
    return LittleEndian.u16At(raw, ISV_PROD_ID);
  }

  /** ISV security version. */
  public int isvSvn() {
    return LittleEndian.u16At(raw, ISV_SVN);
  }

  /** The 64 bytes of report data the enclave chose. */
  public byte[] reportData() {
    return Arrays.copyOfRange(raw, REPORT_DATA, REPORT_DATA + 64);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnclaveReport r && Arrays.equals(raw, r.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "EnclaveReport[mrEnclave="
        + hex.formatHex(mrEnclave())
        + ", mrSigner="
        + hex.formatHex(mrSigner())
        + ", isvProdId="
        + isvProdId()
        + ", isvSvn="
        + isvSvn()
        + "]";
  }
}
