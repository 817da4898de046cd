package io.cloister.attestation.attester;

/**
 * Produces DCAP quotes binding 64 bytes of caller-chosen report data to the enclave's identity.
 * Implementations: {@link SimulatedAttester} (no hardware; proves nothing about hardware) and
 * {@link GramineAttester} (SGX hardware under Gramine).
 */
public interface Attester {
  /** Size of the report data every quote carries. */
  int REPORT_DATA_SIZE = 64;

  /**
   * Returns a serialized quote whose report body carries {@code reportData}.
   *
   * @param reportData exactly 64 bytes
   * @throws IllegalArgumentException if {@code reportData} is not 64 bytes
   * @throws AttestationException if no quote could be produced
   */
  byte[] quote(byte[] reportData) throws AttestationException;

  /** Whether quotes come from a simulation rather than SGX hardware. */
  boolean simulated();

  /** Checks the report data size, for implementations. */
  static byte[] checkReportData(byte[] reportData) {
    if (reportData == null || reportData.length != REPORT_DATA_SIZE) {
      throw new IllegalArgumentException(
          "report data must be exactly 64 bytes, got "
              + (reportData == null ? "null" : reportData.length));
    }
    return reportData.clone();
  }
}
