package io.cloister.attestation.verify;

import io.cloister.attestation.collateral.TcbStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a relying party accepts, beyond cryptographic validity: expected enclave identity, TCB
 * statuses and advisories, debug enclaves, collateral age, simulated quotes. Immutable; build with
 * {@link #builder()}. The default accepts any enclave on an UpToDate or SWHardeningNeeded platform,
 * refusing debug enclaves and simulated quotes.
 */
public final class AppraisalPolicy {
  /** TCB statuses accepted unless configured otherwise. */
  public static final Set<TcbStatus> DEFAULT_STATUSES =
      Set.copyOf(EnumSet.of(TcbStatus.UP_TO_DATE, TcbStatus.SW_HARDENING_NEEDED));

  private final Optional<byte[]> mrEnclave;
  private final Optional<byte[]> mrSigner;
  private final OptionalInt isvProdId;
  private final int minIsvSvn;
  private final Set<TcbStatus> acceptedStatuses;
  private final Optional<Set<String>> allowedAdvisories;
  private final boolean allowDebug;
  private final Optional<Duration> maxCollateralAge;
  private final boolean allowSimulated;

  private AppraisalPolicy(Builder b) {
    this.mrEnclave = b.mrEnclave.map(byte[]::clone);
    this.mrSigner = b.mrSigner.map(byte[]::clone);
    this.isvProdId = b.isvProdId;
    this.minIsvSvn = b.minIsvSvn;
    this.acceptedStatuses = Set.copyOf(b.acceptedStatuses);
    this.allowedAdvisories = b.allowedAdvisories.map(Set::copyOf);
    this.allowDebug = b.allowDebug;
    this.maxCollateralAge = b.maxCollateralAge;
    this.allowSimulated = b.allowSimulated;
  }

  /** The default policy. */
  public static AppraisalPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether simulated quotes are accepted. */
  public boolean allowSimulated() {
    return allowSimulated;
  }

  /** The accepted TCB statuses. */
  public Set<TcbStatus> acceptedStatuses() {
    return acceptedStatuses;
  }

  /** Every rule of this policy that {@code report} breaks (empty if it is accepted). */
  public List<Violation> evaluate(QuoteReport report) {
    HexFormat hex = HexFormat.of();
    List<Violation> out = new ArrayList<>();
    if (report.simulated() && !allowSimulated) {
      out.add(new Violation(Rule.POLICY_SIMULATED, QuoteReport.SIMULATION_WARNING));
    }
    mrEnclave
        .filter(m -> !Arrays.equals(m, report.mrEnclave()))
        .ifPresent(
            m ->
                out.add(
                    new Violation(
                        Rule.POLICY_MRENCLAVE,
                        "MRENCLAVE "
                            + hex.formatHex(report.mrEnclave())
                            + ", expected "
                            + hex.formatHex(m))));
    mrSigner
        .filter(m -> !Arrays.equals(m, report.mrSigner()))
        .ifPresent(
            m ->
                out.add(
                    new Violation(
                        Rule.POLICY_MRSIGNER,
                        "MRSIGNER "
                            + hex.formatHex(report.mrSigner())
                            + ", expected "
                            + hex.formatHex(m))));
    if (isvProdId.isPresent() && isvProdId.getAsInt() != report.isvProdId()) {
      out.add(
          new Violation(
              Rule.POLICY_ISV_PROD_ID,
              "ISV product ID " + report.isvProdId() + ", expected " + isvProdId.getAsInt()));
    }
    if (report.isvSvn() < minIsvSvn) {
      out.add(
          new Violation(
              Rule.POLICY_ISV_SVN,
              "ISV SVN " + report.isvSvn() + " is below the minimum " + minIsvSvn));
    }
    if (!acceptedStatuses.contains(report.tcbStatus())) {
      out.add(
          new Violation(
              Rule.POLICY_TCB_STATUS,
              "TCB status "
                  + report.tcbStatus()
                  + " is not among the accepted "
                  + acceptedStatuses));
    }
    allowedAdvisories.ifPresent(
        allowed -> {
          Set<String> extra = new LinkedHashSet<>(report.advisoryIds());
          extra.removeAll(allowed);
          if (!extra.isEmpty()) {
            out.add(new Violation(Rule.POLICY_ADVISORY, "advisories not allowed: " + extra));
          }
        });
    if (report.debug() && !allowDebug) {
      out.add(new Violation(Rule.POLICY_DEBUG, "the enclave runs in debug mode"));
    }
    maxCollateralAge.ifPresent(
        max -> {
          Duration age = Duration.between(report.collateralIssuedAt(), report.verifiedAt());
          if (age.compareTo(max) > 0) {
            out.add(
                new Violation(
                    Rule.POLICY_COLLATERAL_AGE,
                    "collateral issued "
                        + report.collateralIssuedAt()
                        + " is "
                        + age
                        + " old, more than "
                        + max));
          }
        });
    return List.copyOf(out);
  }

  /** Builds an {@link AppraisalPolicy}. */
  public static final class Builder {
    private Optional<byte[]> mrEnclave = Optional.empty();
    private Optional<byte[]> mrSigner = Optional.empty();
    private OptionalInt isvProdId = OptionalInt.empty();
    private int minIsvSvn;
    private Set<TcbStatus> acceptedStatuses = EnumSet.copyOf(DEFAULT_STATUSES);
    private Optional<Set<String>> allowedAdvisories = Optional.empty();
    private boolean allowDebug;
    private Optional<Duration> maxCollateralAge = Optional.empty();
    private boolean allowSimulated;

    private Builder() {}

    /** Requires this MRENCLAVE (32 bytes). */
    public Builder mrEnclave(byte[] value) {
      this.mrEnclave = Optional.of(check32(value));
      return this;
    }

    /** Requires this MRSIGNER (32 bytes). */
    public Builder mrSigner(byte[] value) {
      this.mrSigner = Optional.of(check32(value));
      return this;
    }

    /** Requires this ISV product ID. */
    public Builder isvProdId(int value) {
      this.isvProdId = OptionalInt.of(value);
      return this;
    }

    /** Requires at least this ISV SVN. */
    public Builder minIsvSvn(int value) {
      this.minIsvSvn = value;
      return this;
    }

    /** Replaces the accepted TCB statuses. */
    public Builder acceptedStatuses(Set<TcbStatus> statuses) {
      this.acceptedStatuses =
          statuses.isEmpty() ? EnumSet.noneOf(TcbStatus.class) : EnumSet.copyOf(statuses);
      return this;
    }

    /** Restricts advisories to these IDs (by default any advisory is tolerated). */
    public Builder allowedAdvisories(Set<String> ids) {
      this.allowedAdvisories = Optional.of(Set.copyOf(ids));
      return this;
    }

    /** Whether debug enclaves are accepted. */
    public Builder allowDebug(boolean allow) {
      this.allowDebug = allow;
      return this;
    }

    /** Refuses collateral issued longer than {@code age} before the verification time. */
    public Builder maxCollateralAge(Duration age) {
      this.maxCollateralAge = Optional.of(age);
      return this;
    }

    /** Whether simulated quotes are accepted (their reports still say they prove nothing). */
    public Builder allowSimulated(boolean allow) {
      this.allowSimulated = allow;
      return this;
    }

    /** The immutable policy. */
    public AppraisalPolicy build() {
      return new AppraisalPolicy(this);
    }

    private static byte[] check32(byte[] v) {
      if (v.length != 32) {
        throw new IllegalArgumentException("a measurement has 32 bytes, not " + v.length);
      }
      return v.clone();
    }
  }
}
