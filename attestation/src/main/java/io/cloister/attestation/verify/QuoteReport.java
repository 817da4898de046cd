package io.cloister.attestation.verify;

import io.cloister.attestation.collateral.TcbStatus;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What a cryptographically verified quote establishes: the enclave's identity, its report data, the
 * platform's TCB status under the given collateral, and whether it chains to a simulation root.
 *
 * @param mrEnclave the enclave measurement, 32 bytes
 * @param mrSigner hash of the enclave signer's key, 32 bytes
 * @param isvProdId the enclave's ISV product ID
 * @param isvSvn the enclave's ISV security version
 * @param debug whether the enclave runs in debug mode (its memory is not protected)
 * @param reportData the 64 bytes of report data
 * @param tcbStatus platform TCB status, converged with the QE's
 * @param advisoryIds Intel security advisories that apply to the platform and QE
 * @param fmspc the platform's FMSPC, upper-case hex
 * @param tcbDate date of the matched platform TCB level
 * @param collateralIssuedAt earliest issue date of the TCB info and QE identity used
 * @param collateralNextUpdate earliest next-update date of the collateral used (CRLs included)
 * @param verifiedAt the instant the verification was done "as of"
 * @param simulated whether the quote chains to a simulation root (then it proves nothing about
 *     hardware)
 */
public record QuoteReport(
    byte[] mrEnclave,
    byte[] mrSigner,
    int isvProdId,
    int isvSvn,
    boolean debug,
    byte[] reportData,
    TcbStatus tcbStatus,
    List<String> advisoryIds,
    String fmspc,
    Instant tcbDate,
    Instant collateralIssuedAt,
    Instant collateralNextUpdate,
    Instant verifiedAt,
    boolean simulated) {

  /** What every report about a simulated quote says. */
  public static final String SIMULATION_WARNING =
      "SIMULATED QUOTE: it was produced without SGX hardware and proves nothing about hardware"
          + " protection of this enclave";

  /** Copies arrays and the list. */
  public QuoteReport {
    mrEnclave = mrEnclave.clone();
    mrSigner = mrSigner.clone();
    reportData = reportData.clone();
    advisoryIds = List.copyOf(advisoryIds);
  }

  @Override
  public byte[] mrEnclave() {
    return mrEnclave.clone();
  }

  @Override
  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  @Override
  public byte[] reportData() {
    return reportData.clone();
  }

  /** Warnings a user must see; non-empty for simulated quotes. */
  public List<String> warnings() {
    return simulated ? List.of(SIMULATION_WARNING) : List.of();
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "QuoteReport["
        + (simulated ? "SIMULATED, " : "")
        + "mrEnclave="
        + hex.formatHex(mrEnclave)
        + ", mrSigner="
        + hex.formatHex(mrSigner)
        + ", isvProdId="
        + isvProdId
        + ", isvSvn="
        + isvSvn
        + ", debug="
        + debug
        + ", tcbStatus="
        + tcbStatus
        + ", advisories="
        + advisoryIds
        + "]";
  }
}
