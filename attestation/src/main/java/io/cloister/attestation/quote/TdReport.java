package io.cloister.attestation.quote;

import java.util.Arrays;

/** A TDX 1.0 TD report body (584 bytes), the measured identity of a trust domain in a v4 quote. */
public final class TdReport {
  /** Encoded size in bytes. */
  public static final int SIZE = 584;

  private static final int TEE_TCB_SVN = 0;
  private static final int MR_SEAM = 16;
  private static final int MR_SIGNER_SEAM = 64;
  private static final int SEAM_ATTRIBUTES = 112;
  private static final int TD_ATTRIBUTES = 120;
  private static final int XFAM = 128;
  private static final int MR_TD = 136;
  private static final int MR_CONFIG_ID = 184;
  private static final int MR_OWNER = 232;
  private static final int MR_OWNER_CONFIG = 280;
  private static final int RTMR0 = 328;
  private static final int REPORT_DATA = 520;

  private final byte[] raw;

  private TdReport(byte[] raw) {
    this.raw = raw;
  }

  static TdReport read(QuoteReader r) throws QuoteFormatException {
    return new TdReport(r.bytes("td_report", SIZE));
  }

  /** The 584 bytes exactly as in the quote. */
  public byte[] encode() {
    return raw.clone();
  }

  private byte[] slice(int off, int len) {
    return Arrays.copyOfRange(raw, off, off + len);
  }

  /** TEE_TCB_SVN, 16 bytes. */
  public byte[] teeTcbSvn() {
    return slice(TEE_TCB_SVN, 16);
  }

  /** MRSEAM: measurement of the TDX module, 48 bytes. */
  public byte[] mrSeam() {
    return slice(MR_SEAM, 48);
  }

  /** MRSIGNERSEAM, 48 bytes (zero for Intel's TDX module). */
  public byte[] mrSignerSeam() {
    return slice(MR_SIGNER_SEAM, 48);
  }

  /** SEAMATTRIBUTES, 8 bytes. */
  public byte[] seamAttributes() {
    return slice(SEAM_ATTRIBUTES, 8);
  }

  /** TDATTRIBUTES, 8 bytes. */
  public byte[] tdAttributes() {
    return slice(TD_ATTRIBUTES, 8);
  }

  /** Whether the TD's DEBUG attribute (bit 0) is set. */
  public boolean debug() {
    return (raw[TD_ATTRIBUTES] & 0x01) != 0;
  }

  /** XFAM, 8 bytes. */
  public byte[] xfam() {
    return slice(XFAM, 8);
  }

  /** MRTD: measurement of the initial TD contents, 48 bytes. */
  public byte[] mrTd() {
    return slice(MR_TD, 48);
  }

  /** MRCONFIGID, 48 bytes. */
  public byte[] mrConfigId() {
    return slice(MR_CONFIG_ID, 48);
  }

  /** MROWNER, 48 bytes. */
  public byte[] mrOwner() {
    return slice(MR_OWNER, 48);
  }

  /** MROWNERCONFIG, 48 bytes. */
  public byte[] mrOwnerConfig() {
    return slice(MR_OWNER_CONFIG, 48);
  }

  /** Runtime measurement register {@code index} (0..3), 48 bytes. */
  public byte[] rtmr(int index) {
    if (index < 0 || index > 3) {
      throw new IndexOutOfBoundsException("RTMR index " + index);
    }
    return slice(RTMR0 + 48 * index, 48);
  }

  /** The 64 bytes of report data the TD chose. */
  public byte[] reportData() {
    return slice(REPORT_DATA, 64);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TdReport r && Arrays.equals(raw, r.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }
}
