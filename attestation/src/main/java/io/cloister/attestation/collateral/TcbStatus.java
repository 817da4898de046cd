package io.cloister.attestation.collateral;

/** Intel's TCB status of a platform or quoting enclave, as named in TCB info and QE identity. */
public enum TcbStatus {
  UP_TO_DATE("UpToDate"),
  SW_HARDENING_NEEDED("SWHardeningNeeded"),
  CONFIGURATION_NEEDED("ConfigurationNeeded"),
  CONFIGURATION_AND_SW_HARDENING_NEEDED("ConfigurationAndSWHardeningNeeded"),
  OUT_OF_DATE("OutOfDate"),
  OUT_OF_DATE_CONFIGURATION_NEEDED("OutOfDateConfigurationNeeded"),
  REVOKED("Revoked");

  private final String intelName;

  TcbStatus(String intelName) {
    this.intelName = intelName;
  }

  /** The name Intel's JSON uses, e.g. {@code ConfigurationAndSWHardeningNeeded}. */
  public String intelName() {
    return intelName;
  }

  /** Looks a status up by Intel's name. */
  public static TcbStatus fromIntelName(String name) {
    for (TcbStatus s : values()) {
      if (s.intelName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown TCB status " + name);
  }

  /**
   * The platform status once the quoting enclave's own TCB status is taken into account, following
   * Intel's QVL: an out-of-date QE makes the whole platform out of date, a revoked one revokes it.
   */
  public TcbStatus convergeWithQe(TcbStatus qeStatus) {
    if (qeStatus == REVOKED) {
      return REVOKED;
    }
    if (qeStatus == OUT_OF_DATE) {
      return switch (this) {
        case UP_TO_DATE, SW_HARDENING_NEEDED -> OUT_OF_DATE;
        case CONFIGURATION_NEEDED, CONFIGURATION_AND_SW_HARDENING_NEEDED ->
            OUT_OF_DATE_CONFIGURATION_NEEDED;
        default -> this;
      };
    }
    return this;
  }

  @Override
  public String toString() {
    return intelName;
  }
}
