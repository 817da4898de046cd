package io.cloister.attestation.collateral;

import java.time.Instant;
import java.util.List;

/**
 * One TCB level of a TCB info document: a platform whose PCK certificate's 16 SGX component SVNs
 * and PCE SVN are all at least these has this status.
 *
 * @param sgxComponents the 16 SGX TCB component SVNs
 * @param pceSvn the PCE SVN
 * @param tcbDate when Intel recorded this level
 * @param status the TCB status of platforms at this level
 * @param advisoryIds Intel security advisories that apply (e.g. INTEL-SA-00615)
 */
public record TcbLevel(
    int[] sgxComponents, int pceSvn, Instant tcbDate, TcbStatus status, List<String> advisoryIds) {

  /** Copies the arrays and lists. */
  public TcbLevel {
    if (sgxComponents.length != 16) {
      throw new IllegalArgumentException("a TCB level has 16 SGX components");
    }
    sgxComponents = sgxComponents.clone();
    advisoryIds = List.copyOf(advisoryIds);
  }

  @Override
  public int[] sgxComponents() {
    return sgxComponents.clone();
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
}
