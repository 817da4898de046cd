package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.TreeHasher;
import io.cloister.attestation.quote.Quote;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RaTlsIssuerTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final RaTlsIssuer issuer =
      new RaTlsIssuer(new SplicedQuoteAttester(), clock, RaTlsIssuer.DEFAULT_VALIDITY);

  @Test
  void everyCertificateOfASetSharesKeyQuoteAndRootAndBindsThem() throws Exception {
    CertificateSet set = issuer.issue(TestConfigs.twoApps());
    byte[] root = TestConfigs.twoApps().tree().root();
    assertThat(set.merkleRoot()).isEqualTo(root);
    assertThat(set.appCertificates())
        .containsOnlyKeys(TestConfigs.HELLO_HOST, TestConfigs.SHOP_HOST);

    List<X509Certificate> all =
        List.of(
            set.enclaveCertificate(),
            set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow(),
            set.appCertificate(TestConfigs.SHOP_HOST).orElseThrow());
    byte[] quote = RaTlsExtensions.read(all.get(0)).quote();
    assertThat(set.notAfter()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    for (X509Certificate cert : all) {
      RaTlsExtensions ext = RaTlsExtensions.read(cert);
      assertThat(ext.merkleRoot()).isEqualTo(root);
      assertThat(ext.quote()).isEqualTo(quote);
      assertThat(cert.getPublicKey()).isEqualTo(all.get(0).getPublicKey());
      byte[] reportData = Quote.parse(ext.quote()).reportData();
      assertThat(Arrays.copyOfRange(reportData, 0, 32))
          .isEqualTo(TreeHasher.sha256(cert.getPublicKey().getEncoded()));
      assertThat(Arrays.copyOfRange(reportData, 32, 64)).isEqualTo(root);
      assertThat(cert.getCriticalExtensionOIDs())
          .doesNotContain(
              RaTlsOids.SGX_QUOTE.getId(),
              RaTlsOids.MERKLE_ROOT.getId(),
              RaTlsOids.APP_NAME.getId(),
              RaTlsOids.CODE_HASH.getId());
      assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
      assertThat(cert.getNotBefore().toInstant()).isBefore(NOW);
      cert.verify(cert.getPublicKey());
    }
  }

  @Test
  void enclaveCertificateListsAllAppsAndAppCertificatesSpeakForOneApp() throws Exception {
    CertificateSet set = issuer.issue(TestConfigs.twoApps());
    RaTlsExtensions enclave = RaTlsExtensions.read(set.enclaveCertificate());
    assertThat(enclave.manifest())
        .contains(new AppManifest(List.of(TestConfigs.shop(), TestConfigs.hello())));
    assertThat(enclave.app()).isEmpty();
    assertThat(enclave.leafProof()).isEmpty();

    RaTlsExtensions hello =
        RaTlsExtensions.read(set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
    assertThat(hello.app()).contains(AppIdentity.of(TestConfigs.hello()));
    assertThat(hello.manifest()).isEmpty();
    ConfigLeafProof proof = hello.leafProof().orElseThrow();
    assertThat(proof.key()).isEqualTo(ConfigKeys.appCodeHash("hello"));
    proof.verify(hello.merkleRoot());
    assertThat(
            set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow().getSubjectAlternativeNames())
        .containsExactly(List.of(2, TestConfigs.HELLO_HOST));
  }

  @Test
  void withExactlyOneAppTheEnclaveCertificateAlsoSpeaksForIt() throws Exception {
    CertificateSet set = issuer.issue(TestConfigs.oneApp());
    RaTlsExtensions enclave = RaTlsExtensions.read(set.enclaveCertificate());
    assertThat(enclave.app()).contains(AppIdentity.of(TestConfigs.hello()));
    assertThat(enclave.manifest()).contains(new AppManifest(List.of(TestConfigs.hello())));
    assertThat(enclave.leafProof()).isPresent();
  }

  @Test
  void eachIssueUsesAFreshKeyAndTheSetSelectsBySni() throws Exception {
    CertificateSet a = issuer.issue(TestConfigs.twoApps());
    CertificateSet b = issuer.issue(TestConfigs.twoApps());
    assertThat(a.enclaveCertificate().getPublicKey())
        .isNotEqualTo(b.enclaveCertificate().getPublicKey());
    assertThat(a.select(Optional.of("HELLO.apps.test")))
        .isSameAs(a.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
    assertThat(a.select(Optional.empty())).isSameAs(a.enclaveCertificate());
    assertThat(a.select(Optional.of(TestConfigs.ENCLAVE_HOST))).isSameAs(a.enclaveCertificate());
    assertThat(a.select(Optional.of("unknown.test"))).isSameAs(a.enclaveCertificate());
  }

  @Test
  void deployingAnAppChangesTheRoot() {
    assertThat(TestConfigs.oneApp().tree().root())
        .isNotEqualTo(TestConfigs.twoApps().tree().root());
  }
}
