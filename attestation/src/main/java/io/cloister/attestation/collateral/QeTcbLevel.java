package io.cloister.attestation.collateral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCB level of a QE identity: a quoting enclave whose ISV SVN is at least {@code isvSvn}.
 *
 * @param isvSvn minimum ISV SVN of the QE
 * @param tcbDate when Intel recorded this level
 * @param status the TCB status of a QE at this level
 * @param advisoryIds Intel security advisories that apply
 */
public record QeTcbLevel(int isvSvn, Instant tcbDate, TcbStatus status, List<String> advisoryIds) {
  /** Copies the list. */
  public QeTcbLevel {
    advisoryIds = List.copyOf(advisoryIds);
  }

  /** Parses the {@code tcbLevels} array (levels by ISV SVN) of a QE or TDX module identity. */
  static List<QeTcbLevel> parseLevels(JsonFields identity) throws CollateralFormatException {
    List<QeTcbLevel> levels = new ArrayList<>();
    for (JsonFields level : identity.objects("tcbLevels")) {
      levels.add(
          new QeTcbLevel(
              level.object("tcb").integer("isvsvn", 0xffff),
              level.instant("tcbDate"),
              level.status("tcbStatus"),
              level.optionalStrings("advisoryIDs")));
    }
    return levels;
  }
}
