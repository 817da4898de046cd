package io.cloister.attestation.verify;

import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.quote.TdReport;
import java.time.Instant;
import java.util.List;

/**
 * What a cryptographically verified TDX quote establishes: the TD's measurements (in the TD report)
 * and the platform's TCB status, converged with the TDX module's and the TD QE's.
 *
 * @param tdReport the TD report body (MRTD, RTMRs, report data, ...)
 * @param tcbStatus platform TCB status
 * @param advisoryIds Intel security advisories that apply
 * @param fmspc the platform's FMSPC, upper-case hex
 * @param tcbDate date of the matched TCB level
 * @param collateralIssuedAt earliest issue date of the TCB info and QE identity used
 * @param collateralNextUpdate earliest next-update date of the collateral used (CRLs included)
 * @param verifiedAt the instant the verification was done "as of"
 * @param simulated whether the quote chains to a simulation root
 */
public record TdxQuoteReport(
    TdReport tdReport,
    TcbStatus tcbStatus,
    List<String> advisoryIds,
    String fmspc,
    Instant tcbDate,
    Instant collateralIssuedAt,
    Instant collateralNextUpdate,
    Instant verifiedAt,
    boolean simulated) {

  /** Copies the list. */
  public TdxQuoteReport {
    advisoryIds = List.copyOf(advisoryIds);
  }
}
