package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alias protocol of {@link SniKeyManager}; real handshakes are in {@link RaTlsServerTest}. */
class SniKeyManagerTest {

  private final RaTlsIssuer issuer = new RaTlsIssuer(new SplicedQuoteAttester());

  @Test
  void aliasChosenBeforeASwapStillResolvesToTheOldCertificateAndKey() throws Exception {
    CertificateSet old = issuer.issue(TestConfigs.twoApps());
    SniKeyManager km = new SniKeyManager(old);
    String alias = km.chooseEngineServerAlias("EC", null, null);
    assertThat(alias).isEqualTo("0/*enclave*");

    CertificateSet next = issuer.issue(TestConfigs.oneApp());
    km.swap(next);
    assertThat(km.getCertificateChain(alias)).containsExactly(old.enclaveCertificate());
    assertThat(km.getPrivateKey(alias)).isEqualTo(old.privateKey());
    String newAlias = km.chooseEngineServerAlias("EC", null, null);
    assertThat(newAlias).isEqualTo("1/*enclave*");
    assertThat(km.getCertificateChain(newAlias)).containsExactly(next.enclaveCertificate());
    assertThat(km.getPrivateKey(newAlias)).isEqualTo(next.privateKey());
  }

  @Test
  void oldGenerationsAreForgottenAfterAFewSwaps() throws Exception {
    SniKeyManager km = new SniKeyManager(issuer.issue(TestConfigs.oneApp()));
    String alias = km.chooseEngineServerAlias("EC", null, null);
    CertificateSet set = issuer.issue(TestConfigs.oneApp());
    for (int i = 0; i < SniKeyManager.RETAINED_GENERATIONS; i++) {
      km.swap(set);
    }
    assertThat(km.getCertificateChain(alias)).isNotNull();
    km.swap(set);
    assertThat(km.getCertificateChain(alias)).isNull();
    assertThat(km.getPrivateKey(alias)).isNull();
  }

  @Test
  void onlyEcKeysAndWellFormedAliasesAreServed() throws Exception {
    SniKeyManager km = new SniKeyManager(issuer.issue(TestConfigs.twoApps()));
    assertThat(km.chooseEngineServerAlias("RSA", null, null)).isNull();
    assertThat(km.getServerAliases("EC", null))
        .containsExactlyInAnyOrder("0/*enclave*", "0/hello.apps.test", "0/shop.apps.test");
    for (String bad :
        new String[] {null, "", "x/*enclave*", "7/*enclave*", "0/unknown.test", "0"}) {
      assertThat(km.getCertificateChain(bad)).isNull();
      assertThat(km.getPrivateKey(bad)).isNull();
    }
    assertThat(km.chooseClientAlias(new String[] {"EC"}, null, null)).isNull();
  }
}
