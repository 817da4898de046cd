package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.InclusionProof;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaTlsVerifierTest {

  @TempDir static Path dir;
  static SimulatedEnclave enclave;
  static CertificateSet set;
  static X509Certificate hello;

  @BeforeAll
  static void issue() throws Exception {
    enclave = SimulatedEnclave.create(dir.resolve("sim"));
    set = enclave.issue(TestConfigs.twoApps());
    hello = set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow();
  }

  private static RaTlsExpectations helloExpected() {
    return RaTlsExpectations.none()
        .withAppName("hello")
        .withRoutePrefix("/hello")
        .withCodeHash(TestConfigs.filled(0xaa))
        .withMrEnclave(SimulatedEnclave.MRENCLAVE)
        .withMrSigner(enclave.authority().mrSigner())
        .withHostname(TestConfigs.HELLO_HOST)
        .withLeafProofRequired();
  }

  private static RaTlsReport verify(X509Certificate cert, RaTlsExpectations expected) {
    return enclave.verifier(true).verify(List.of(cert), expected);
  }

  @Test
  void simulatedAppCertificatePassesEveryCheckWhenSimulationIsAllowed() {
    RaTlsReport report = verify(hello, helloExpected());
    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.simulated()).isTrue();
    assertThat(report.checks())
        .extracting(CheckResult::name)
        .containsExactly(
            "certificate.signature",
            "certificate.validity",
            "expect.hostname",
            "extensions",
            "quote.format",
            "report-data.key",
            "report-data.merkle-root",
            "quote.appraisal",
            "expect.mrenclave",
            "expect.mrsigner",
            "expect.app",
            "merkle.proof");
    assertThat(report.check("quote.appraisal").orElseThrow().detail()).contains("SIMULATED");
  }

  @Test
  void simulatedQuoteIsRefusedUnlessAllowed() {
    RaTlsReport report = enclave.verifier(false).verify(List.of(hello), helloExpected());
    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).extracting(CheckResult::name).containsExactly("quote.appraisal");
    assertThat(report.failures().get(0).detail()).contains("policy.simulated");
  }

  @Test
  void enclaveCertificateVerifiesAnAppThroughItsManifest() {
    RaTlsReport report =
        verify(
            set.enclaveCertificate(),
            RaTlsExpectations.none().withAppName("shop").withCodeHash(TestConfigs.filled(0xbb)));
    assertThat(report.passed()).as(report.failureSummary()).isTrue();
    assertThat(report.check("merkle.proof").orElseThrow().outcome())
        .isEqualTo(CheckResult.Outcome.SKIP);
  }

  @Test
  void eachWrongExpectationFailsItsOwnCheck() {
    assertThat(verify(hello, helloExpected().withAppName("shop")).failures())
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("app name 'hello', expected 'shop'"));
    assertThat(verify(hello, helloExpected().withRoutePrefix("/other")).failures())
        .extracting(CheckResult::name)
        .containsExactly("expect.app");
    assertThat(verify(hello, helloExpected().withCodeHash(TestConfigs.filled(0xab))).failures())
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("code hash aaaa"));
    assertThat(verify(hello, helloExpected().withMrEnclave(TestConfigs.filled(0x01))).failures())
        .extracting(CheckResult::name)
        .containsExactly("expect.mrenclave");
    assertThat(verify(hello, helloExpected().withMrSigner(TestConfigs.filled(0x01))).failures())
        .extracting(CheckResult::name)
        .containsExactly("expect.mrsigner");
    assertThat(verify(hello, helloExpected().withHostname("shop.apps.test")).failures())
        .extracting(CheckResult::name)
        .containsExactly("expect.hostname");
    assertThat(
            verify(set.enclaveCertificate(), RaTlsExpectations.none().withAppName("blog"))
                .failures())
        .extracting(CheckResult::name)
        .containsExactly("expect.app");
  }

  @Test
  void quoteForAnotherKeyFailsTheKeyBinding() throws Exception {
    // An attester that lies about the key half of the report data: a quote not made for this key.
    CraftedCertificate crafted = new CraftedCertificate().copyFrom(hello);
    byte[] root = set.merkleRoot();
    byte[] otherKeyQuote =
        enclave
            .attester()
            .quote(
                ReportData.forCertificate(
                    new CraftedCertificate().key().getPublic().getEncoded(), root));
    X509Certificate cert = crafted.set(RaTlsOids.SGX_QUOTE, otherKeyQuote).build();
    RaTlsReport report = verify(cert, RaTlsExpectations.none());
    assertThat(report.failures()).extracting(CheckResult::name).containsExactly("report-data.key");
  }

  @Test
  void quoteForAnotherRootFailsTheRootBinding() throws Exception {
    CraftedCertificate crafted = new CraftedCertificate().copyFrom(hello);
    byte[] spki = crafted.key().getPublic().getEncoded();
    byte[] quote =
        enclave
            .attester()
            .quote(ReportData.forCertificate(spki, TestConfigs.oneApp().tree().root()));
    X509Certificate cert = crafted.set(RaTlsOids.SGX_QUOTE, quote).build();
    RaTlsReport report = verify(cert, RaTlsExpectations.none());
    assertThat(report.failures())
        .extracting(CheckResult::name)
        .containsExactly("report-data.merkle-root");
  }

  @Test
  void copiedExtensionsOnAnotherKeyFailTheKeyBinding() throws Exception {
    // Someone copies a genuine certificate's extensions onto their own key.
    X509Certificate stolen = new CraftedCertificate().copyFrom(hello).build();
    assertThat(verify(stolen, RaTlsExpectations.none()).failures())
        .extracting(CheckResult::name)
        .containsExactly("report-data.key");
  }

  @Test
  void proofForAnotherLeafIsRefused() throws Exception {
    CraftedCertificate crafted = new CraftedCertificate().copyFrom(hello);
    ConfigLeafProof shopProof =
        new ConfigLeafProof(
            ConfigKeys.appCodeHash("shop"),
            TestConfigs.filled(0xbb),
            TestConfigs.twoApps().tree().proof(ConfigKeys.appCodeHash("shop")));
    ConfigLeafProof tampered =
        new ConfigLeafProof(
            ConfigKeys.appCodeHash("hello"),
            TestConfigs.filled(0xaa),
            new InclusionProof(0, 9, List.of()));
    for (ConfigLeafProof proof : List.of(shopProof, tampered)) {
      X509Certificate cert = crafted.set(RaTlsOids.MERKLE_PROOF, proof.toDer()).build();
      assertThat(verify(cert, RaTlsExpectations.none()).failures())
          .extracting(CheckResult::name)
          .contains("merkle.proof");
    }
  }

  @Test
  void expiredOrNotYetValidCertificateFails() {
    for (Instant at :
        List.of(Instant.now().plus(Duration.ofDays(2)), Instant.now().minus(Duration.ofHours(1)))) {
      RaTlsVerifier verifier =
          new RaTlsVerifier(enclave.appraiser(true), Clock.fixed(at, ZoneOffset.UTC));
      assertThat(verifier.verify(List.of(hello), RaTlsExpectations.none()).failures())
          .extracting(CheckResult::name)
          .containsExactly("certificate.validity");
    }
  }

  @Test
  void chainsSignaturesAndAppraiserFailuresFailClosed() throws Exception {
    assertThat(verify(hello, RaTlsExpectations.none()).passed()).isTrue();
    RaTlsReport chain =
        enclave.verifier(true).verify(List.of(hello, hello), RaTlsExpectations.none());
    assertThat(chain.passed()).isFalse();
    assertThat(chain.failures()).extracting(CheckResult::name).containsExactly("certificate.chain");

    byte[] der = hello.getEncoded();
    der[der.length - 5] ^= 1; // inside the signature value
    X509Certificate forged =
        (X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    assertThat(verify(forged, RaTlsExpectations.none()).failures())
        .extracting(CheckResult::name)
        .contains("certificate.signature");

    RaTlsVerifier throwing =
        new RaTlsVerifier(
            q -> {
              throw new IllegalStateException("boom");
            },
            Clock.systemUTC());
    assertThat(throwing.verify(List.of(hello), RaTlsExpectations.none()).failures())
        .extracting(CheckResult::name)
        .containsExactly("quote.appraisal");
  }

  @Test
  void malformedExtensionStopsVerificationWithItsOid() throws Exception {
    X509Certificate cert =
        new CraftedCertificate()
            .copyFrom(hello)
            .set(RaTlsOids.CODE_HASH, new byte[] {4, 1, 0})
            .build();
    RaTlsReport report = verify(cert, RaTlsExpectations.none());
    assertThat(report.passed()).isFalse();
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("extensions");
              assertThat(c.detail()).startsWith("extension 1.3.6.1.4.1.65230.2.3 (code hash)");
            });
  }

  @Test
  void garbageQuoteFailsQuoteFormat() throws Exception {
    X509Certificate cert =
        new CraftedCertificate()
            .copyFrom(hello)
            .set(RaTlsOids.SGX_QUOTE, new byte[] {3, 0, 2, 0})
            .build();
    assertThat(verify(cert, RaTlsExpectations.none()).failures())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("quote.format");
              assertThat(c.detail()).contains("1.2.840.113741.1.13.1.0");
            });
  }
}
