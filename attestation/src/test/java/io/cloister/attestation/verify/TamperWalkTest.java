package io.cloister.attestation.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.Fixtures;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.collateral.CollateralBundle;
import io.cloister.attestation.collateral.CollateralFormatException;
import io.cloister.attestation.collateral.QeIdentity;
import io.cloister.attestation.collateral.SignedDocument;
import io.cloister.attestation.collateral.TcbInfo;
import io.cloister.attestation.collateral.TcbStatus;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flips one bit in every byte of the signed parts of the fixture quote and of its collateral, and
 * checks that each change is refused for the rule that covers that part.
 */
class TamperWalkTest {
  private static final byte[] QUOTE = Fixtures.bytes("sgx_quote");
  private static final QuoteVerifier VERIFIER = QuoteVerifier.intel();
  private static final AppraisalPolicy ANY_STATUS =
      AppraisalPolicy.builder().acceptedStatuses(EnumSet.allOf(TcbStatus.class)).build();
  private static Collateral collateral;

  @BeforeAll
  static void parseCollateralOnce() throws Exception {
    collateral = CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json"));
  }

  @Test
  void untamperedQuoteIsAccepted() {
    assertThat(
            VERIFIER.appraise(QUOTE, collateral, ANY_STATUS, FixtureVerificationTest.AT).accepted())
        .isTrue();
  }

  static Stream<Arguments> quoteRegions() {
    Set<Rule> chain = EnumSet.of(Rule.CHAIN_MALFORMED, Rule.CHAIN_SIGNATURE, Rule.CHAIN_ROOT);
    return Stream.of(
        Arguments.of(
            "header", 0, 48, EnumSet.of(Rule.QUOTE_FORMAT, Rule.QE_VENDOR, Rule.QUOTE_SIGNATURE)),
        Arguments.of("report body", 48, 432, EnumSet.of(Rule.QUOTE_SIGNATURE)),
        Arguments.of("signature data size", 432, 436, EnumSet.of(Rule.QUOTE_FORMAT)),
        Arguments.of("quote signature", 436, 500, EnumSet.of(Rule.QUOTE_SIGNATURE)),
        Arguments.of("attestation key", 500, 564, EnumSet.of(Rule.QE_REPORT_DATA)),
        Arguments.of("QE report", 564, 948, EnumSet.of(Rule.QE_REPORT_SIGNATURE)),
        Arguments.of("QE report signature", 948, 1012, EnumSet.of(Rule.QE_REPORT_SIGNATURE)),
        Arguments.of("QE auth data size", 1012, 1014, EnumSet.of(Rule.QUOTE_FORMAT)),
        Arguments.of("QE auth data", 1014, 1046, EnumSet.of(Rule.QE_REPORT_DATA)),
        Arguments.of("certification data type", 1046, 1048, EnumSet.of(Rule.CERTIFICATION_DATA)),
        Arguments.of("certification data size", 1048, 1052, EnumSet.of(Rule.QUOTE_FORMAT)),
        Arguments.of("PCK certificate chain", 1052, QUOTE.length, chain));
  }

  @ParameterizedTest(name = "{0} [{1}, {2})")
  @MethodSource("quoteRegions")
  void everyFlippedQuoteByteIsRefused(String region, int from, int to, Set<Rule> expected) {
    assertThat(to).isLessThanOrEqualTo(QUOTE.length);
    for (int i = from; i < to; i++) {
      byte[] q = QUOTE.clone();
      q[i] ^= (byte) (1 << (i % 8));
      Appraisal a = VERIFIER.appraise(q, collateral, ANY_STATUS, FixtureVerificationTest.AT);
      assertThat(a.report()).as("byte %d of the %s", i, region).isEmpty();
      assertThat(a.violations()).as("byte %d of the %s", i, region).hasSize(1);
      assertThat(a.violations().get(0).rule()).as("byte %d of the %s", i, region).isIn(expected);
    }
  }

  /** A collateral part, how to replace it with tampered bytes, and the rules that may catch it. */
  record Part(String name, byte[] bytes, Tamper rebuild, Set<Rule> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Tamper {
    Collateral with(byte[] tampered) throws Exception;
  }

  static Stream<Part> collateralParts() throws Exception {
    Collateral c = CollateralBundle.parse(Fixtures.bytes("sgx_quote_collateral.json"));
    SignedDocument<TcbInfo> tcb = c.tcbInfo();
    SignedDocument<QeIdentity> qe = c.qeIdentity();
    Set<Rule> chain =
        EnumSet.of(
            Rule.COLLATERAL_FORMAT, Rule.CHAIN_MALFORMED, Rule.CHAIN_SIGNATURE, Rule.CHAIN_ROOT);
    return Stream.of(
        new Part(
            "TCB info",
            tcb.body(),
            // The parsed content is kept: only the signed bytes change, as an attacker would change
            // them.
            b ->
                replace(
                    c,
                    new SignedDocument<>(b, tcb.signature(), tcb.issuerChain(), tcb.content()),
                    qe),
            EnumSet.of(Rule.TCB_INFO_SIGNATURE)),
        new Part(
            "TCB info signature",
            tcb.signature(),
            b ->
                replace(
                    c, new SignedDocument<>(tcb.body(), b, tcb.issuerChain(), tcb.content()), qe),
            EnumSet.of(Rule.TCB_INFO_SIGNATURE)),
        new Part(
            "TCB info issuer chain",
            pem(tcb.issuerChain()),
            b ->
                replace(
                    c,
                    new SignedDocument<>(tcb.body(), tcb.signature(), chain(b), tcb.content()),
                    qe),
            chain),
        new Part(
            "QE identity",
            qe.body(),
            b ->
                replace(
                    c,
                    tcb,
                    new SignedDocument<>(b, qe.signature(), qe.issuerChain(), qe.content())),
            EnumSet.of(Rule.QE_IDENTITY_SIGNATURE)),
        new Part(
            "QE identity signature",
            qe.signature(),
            b ->
                replace(c, tcb, new SignedDocument<>(qe.body(), b, qe.issuerChain(), qe.content())),
            EnumSet.of(Rule.QE_IDENTITY_SIGNATURE)),
        new Part(
            "QE identity issuer chain",
            pem(qe.issuerChain()),
            b ->
                replace(
                    c,
                    tcb,
                    new SignedDocument<>(qe.body(), qe.signature(), chain(b), qe.content())),
            chain),
        new Part(
            "PCK CRL",
            c.pckCrl().getEncoded(),
            b -> new Collateral(c.pckCrlIssuerChain(), crl(b), c.rootCaCrl(), tcb, qe),
            EnumSet.of(Rule.COLLATERAL_FORMAT, Rule.CRL_SIGNATURE)),
        new Part(
            "PCK CRL issuer chain",
            pem(c.pckCrlIssuerChain()),
            b -> new Collateral(chain(b), c.pckCrl(), c.rootCaCrl(), tcb, qe),
            EnumSet.of(
                Rule.COLLATERAL_FORMAT,
                Rule.CHAIN_MALFORMED,
                Rule.CHAIN_SIGNATURE,
                Rule.CHAIN_ROOT,
                Rule.CRL_SIGNATURE)),
        new Part(
            "root CA CRL",
            c.rootCaCrl().getEncoded(),
            b -> new Collateral(c.pckCrlIssuerChain(), c.pckCrl(), crl(b), tcb, qe),
            EnumSet.of(Rule.COLLATERAL_FORMAT, Rule.CRL_SIGNATURE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collateralParts")
  void everyFlippedCollateralByteIsRefused(Part part) throws Exception {
    byte[] original = part.bytes();
    for (int i = 0; i < original.length; i++) {
      byte[] b = original.clone();
      b[i] ^= (byte) (1 << (i % 8));
      Rule rule = refusal(part, b);
      assertThat(rule).as("byte %d of the %s", i, part.name()).isIn(part.expected());
    }
  }

  private static Rule refusal(Part part, byte[] tampered) throws Exception {
    Collateral c;
    try {
      c = part.rebuild().with(tampered);
    } catch (CollateralFormatException | PckCertificateException | CRLException e) {
      return Rule.COLLATERAL_FORMAT;
    }
    Appraisal a = VERIFIER.appraise(QUOTE, c, ANY_STATUS, FixtureVerificationTest.AT);
    assertThat(a.report()).isEmpty();
    return a.violations().get(0).rule();
  }

  private static Collateral replace(
      Collateral c, SignedDocument<TcbInfo> tcb, SignedDocument<QeIdentity> qe) {
    return new Collateral(c.pckCrlIssuerChain(), c.pckCrl(), c.rootCaCrl(), tcb, qe);
  }

  private static byte[] pem(List<X509Certificate> chain) {
    return PemCertificates.encode(chain).getBytes(StandardCharsets.US_ASCII);
  }

  private static List<X509Certificate> chain(byte[] pem) throws PckCertificateException {
    return PemCertificates.parse(new String(pem, StandardCharsets.ISO_8859_1));
  }

  private static X509CRL crl(byte[] der) throws CRLException {
    X509CRL crl =
        (X509CRL) PemCertificates.certificateFactory().generateCRL(new ByteArrayInputStream(der));
    if (crl == null || crl.getNextUpdate() == null) {
      throw new CRLException("unusable CRL");
    }
    return crl;
  }
}
