package io.cloister.attestation.collateral;

import java.time.Instant;
import java.util.List;

/**
 * One TCB level of a TCB info document: a platform whose PCK certificate's 16 SGX component SVNs
 * and PCE SVN (and, for TDX, whose TEE TCB SVN components) are all at least these has this status.
 *
 * @param sgxComponents the 16 SGX TCB component SVNs
 * @param pceSvn the PCE SVN
 * @param tdxComponents the 16 TDX TCB component SVNs, or none in SGX TCB info
 * @param tcbDate when Intel recorded this level
 * @param status the TCB status of platforms at this level
 * @param advisoryIds Intel security advisories that apply (e.g. INTEL-SA-00615)
 */
public record TcbLevel(
    int[] sgxComponents,
    int pceSvn,
    int[] tdxComponents,
    Instant tcbDate,
    TcbStatus status,
    List<String> advisoryIds) {

  /** Copies the arrays and lists. */
  public TcbLevel {
    if (sgxComponents.length != 16 || (tdxComponents.length != 0 && tdxComponents.length != 16)) {
      throw new IllegalArgumentException("a TCB level has 16 SGX and 0 or 16 TDX components");
    }
    sgxComponents = sgxComponents.clone();
    tdxComponents = tdxComponents.clone();
    advisoryIds = List.copyOf(advisoryIds);
  }

  /** An SGX TCB level (no TDX components). */
  public TcbLevel(
      int[] sgxComponents,
      int pceSvn,
      Instant tcbDate,
      TcbStatus status,
      List<String> advisoryIds) {
    this(sgxComponents, pceSvn, new int[0], tcbDate, status, advisoryIds);
  }

  @Override
  public int[] sgxComponents() {
    return sgxComponents.clone();
  }

  @Override
  public int[] tdxComponents() {
    return tdxComponents.clone();
  }

  /** Whether a platform with these component SVNs and PCE SVN is at or above this level. */
  public boolean matches(int[] platformComponents, int platformPceSvn) {
    for (int i = 0; i < 16; i++) {
      if (platformComponents[i] < sgxComponents[i]) {
        return false;
      }
    }
    return platformPceSvn >= pceSvn;
  }

  /**
   * Whether a TD's TEE TCB SVN meets this level's TDX components from index {@code from} on (Intel
   * skips the first two, the TDX module's SVN and version, when the module has its own identity).
   */
  public boolean matchesTdx(byte[] teeTcbSvn, int from) {
    if (tdxComponents.length != 16) {
      return false;
    }
    for (int i = from; i < 16; i++) {
      if ((teeTcbSvn[i] & 0xff) < tdxComponents[i]) {
        return false;
      }
    }
    return true;
  }
}
