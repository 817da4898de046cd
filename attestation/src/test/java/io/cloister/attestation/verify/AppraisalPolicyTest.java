package io.cloister.attestation.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.collateral.TcbStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppraisalPolicyTest {
  private static final Instant ISSUED = Instant.parse("2025-06-19T10:56:11Z");
  private static final byte[] MR = new byte[32];

  static QuoteReport report(
      TcbStatus status, List<String> advisories, boolean debug, boolean simulated) {
    return new QuoteReport(
        MR,
        MR,
        3,
        5,
        debug,
        new byte[64],
        status,
        advisories,
        "00A067110000",
        ISSUED,
        ISSUED,
        ISSUED.plus(Duration.ofDays(30)),
        ISSUED.plus(Duration.ofDays(2)),
        simulated);
  }

  private static List<Rule> rules(AppraisalPolicy p, QuoteReport r) {
    return p.evaluate(r).stream().map(Violation::rule).toList();
  }

  @Test
  void defaultsAcceptUpToDateAndSwHardeningOnly() {
    AppraisalPolicy p = AppraisalPolicy.defaults();
    assertThat(rules(p, report(TcbStatus.UP_TO_DATE, List.of(), false, false))).isEmpty();
    assertThat(
            rules(
                p, report(TcbStatus.SW_HARDENING_NEEDED, List.of("INTEL-SA-00615"), false, false)))
        .isEmpty();
    for (TcbStatus s : TcbStatus.values()) {
      if (!AppraisalPolicy.DEFAULT_STATUSES.contains(s)) {
        assertThat(rules(p, report(s, List.of(), false, false)))
            .containsExactly(Rule.POLICY_TCB_STATUS);
      }
    }
  }

  @Test
  void debugSimulatedAndIdentityRulesAreAllListed() {
    byte[] other = new byte[32];
    other[0] = 1;
    AppraisalPolicy p =
        AppraisalPolicy.builder()
            .mrEnclave(other)
            .mrSigner(other)
            .isvProdId(4)
            .minIsvSvn(6)
            .build();
    assertThat(rules(p, report(TcbStatus.UP_TO_DATE, List.of(), true, true)))
        .containsExactly(
            Rule.POLICY_SIMULATED,
            Rule.POLICY_MRENCLAVE,
            Rule.POLICY_MRSIGNER,
            Rule.POLICY_ISV_PROD_ID,
            Rule.POLICY_ISV_SVN,
            Rule.POLICY_DEBUG);
    AppraisalPolicy lenient =
        AppraisalPolicy.builder()
            .mrEnclave(MR)
            .mrSigner(MR)
            .isvProdId(3)
            .minIsvSvn(5)
            .allowDebug(true)
            .allowSimulated(true)
            .build();
    assertThat(rules(lenient, report(TcbStatus.UP_TO_DATE, List.of(), true, true))).isEmpty();
  }

  @Test
  void advisoriesAndCollateralAge() {
    AppraisalPolicy p =
        AppraisalPolicy.builder()
            .allowedAdvisories(Set.of("INTEL-SA-00615"))
            .maxCollateralAge(Duration.ofDays(1))
            .build();
    assertThat(
            rules(
                p,
                report(
                    TcbStatus.UP_TO_DATE,
                    List.of("INTEL-SA-00615", "INTEL-SA-00289"),
                    false,
                    false)))
        .containsExactly(Rule.POLICY_ADVISORY, Rule.POLICY_COLLATERAL_AGE);
    AppraisalPolicy older = AppraisalPolicy.builder().maxCollateralAge(Duration.ofDays(3)).build();
    assertThat(rules(older, report(TcbStatus.UP_TO_DATE, List.of("INTEL-SA-00289"), false, false)))
        .isEmpty();
  }

  @Test
  void qeStatusConvergesLikeIntelsQvl() {
    assertThat(TcbStatus.UP_TO_DATE.convergeWithQe(TcbStatus.OUT_OF_DATE))
        .isEqualTo(TcbStatus.OUT_OF_DATE);
    assertThat(TcbStatus.CONFIGURATION_NEEDED.convergeWithQe(TcbStatus.OUT_OF_DATE))
        .isEqualTo(TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED);
    assertThat(TcbStatus.SW_HARDENING_NEEDED.convergeWithQe(TcbStatus.UP_TO_DATE))
        .isEqualTo(TcbStatus.SW_HARDENING_NEEDED);
    assertThat(TcbStatus.UP_TO_DATE.convergeWithQe(TcbStatus.REVOKED)).isEqualTo(TcbStatus.REVOKED);
  }
}
